package io.realtime.media.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/**
 * Vosk offline with the small English model: speech synthesised by flite (committed fixtures, and one made here when
 * flite is installed) transcribed exactly from WAV at 8 and 22.05 kHz, mono and stereo, and from raw PCM; live
 * captions of PCM chunks; clear errors for what it cannot read.
 */
@QuarkusTest
class OfflineTranscriptionTest {

    static final Duration TRANSCRIPTION = Duration.ofSeconds(60); // the first one loads the model

    @TestHTTPResource("/")
    URI base;

    @Test
    void wavAtAnyRateAndChannelCountAndRawPcmAreTranscribed() throws IOException {
        String session = "t-" + UUID.randomUUID();
        try (Client client = Stream.join(base, session)) {
            for (String fixture : List.of("fox-8k-mono.wav", "fox-22k-stereo.wav")) {
                client.send(Map.of("type", "transcription_request", "data", base64(fixture), "session_id", session,
                        "timestamp", "t"));
                JsonNode result = client.next(TRANSCRIPTION);
                assertThat(result.get("type").asText()).as(result.toString()).isEqualTo("transcription_result");
                assertThat(result.get("transcript").asText()).isEqualTo("the quick brown fox jumps over the lazy dog");
                assertThat(result.get("session_id").asText()).isEqualTo(session);
                assertThat(result.get("engine").asText()).isEqualTo("vosk");
                assertThat(result.has("partial")).isFalse();
            }
            byte[] pcm = pcmOf("hello-16k-mono.wav");
            client.send(Map.of("type", "transcription_request", "format", "pcm16", "sample_rate", 16000, "data",
                    Base64.getEncoder().encodeToString(pcm)));
            assertThat(client.next(TRANSCRIPTION).get("transcript").asText()).isEqualTo("hello world");
        }
    }

    @Test
    void whatItCannotReadGetsAClearTranscriptionError() {
        try (Client client = Stream.join(base, "t-" + UUID.randomUUID())) {
            byte[] webm = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1, 2, 3, 4, 5, 6, 7, 8 };
            client.send(Map.of("type", "transcription_request", "data", Base64.getEncoder().encodeToString(webm)));
            JsonNode error = client.next(TRANSCRIPTION);
            assertThat(error.get("type").asText()).isEqualTo("transcription_error");
            assertThat(error.get("error").asText()).startsWith("Unsupported audio format (webm/matroska): offline"
                    + " transcription takes WAV (16-bit PCM) or raw 16-bit PCM");
            byte[] floatWav = header(3, 32);
            client.send(Map.of("type", "transcription_request", "data", Base64.getEncoder().encodeToString(floatWav)));
            assertThat(client.next(TRANSCRIPTION).get("error").asText()).isEqualTo(
                    "Unsupported WAV encoding: only 16-bit PCM WAV is supported (this one has format tag 3, 32 bits)");
            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void liveCaptionsArePartialWhileTalkingAndFinalAtThePause() throws IOException {
        String session = "t-" + UUID.randomUUID();
        try (Client client = Stream.join(base, session)) {
            byte[] speech = pcmOf("fox-8k-mono.wav");
            byte[] audio = Arrays.copyOf(speech, speech.length + 8000 * 2 * 2); // then two seconds of silence
            int chunk = 8000 / 4 * 2; // a quarter of a second
            int sent = 0;
            for (int offset = 0; offset < audio.length; offset += chunk) {
                byte[] part = Arrays.copyOfRange(audio, offset, Math.min(audio.length, offset + chunk));
                client.send(Map.of("type", "audio", "format", "pcm16", "sample_rate", 8000, "data",
                        Base64.getEncoder().encodeToString(part)));
                sent++;
            }
            List<JsonNode> captions = new ArrayList<>();
            int acks = 0;
            long deadline = System.nanoTime() + TRANSCRIPTION.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = client.next(TRANSCRIPTION);
                if (frame.get("type").asText().equals("audio_received")) {
                    acks++;
                    assertThat(frame.get("chunks").asInt()).isLessThanOrEqualTo(sent);
                } else {
                    assertThat(frame.get("type").asText()).isEqualTo("transcription_result");
                    captions.add(frame);
                    if (!frame.get("partial").asBoolean()) {
                        break;
                    }
                }
            }
            assertThat(acks).isPositive();
            assertThat(captions).isNotEmpty();
            JsonNode last = captions.get(captions.size() - 1);
            assertThat(last.get("partial").asBoolean()).isFalse();
            assertThat(last.get("transcript").asText()).isEqualTo("the quick brown fox jumps over the lazy dog");
            assertThat(captions.subList(0, captions.size() - 1)).isNotEmpty()
                    .allSatisfy(partial -> assertThat(partial.get("partial").asBoolean()).isTrue());
            assertThat(captions.get(0).get("transcript").asText().split(" ").length)
                    .isLessThan(last.get("transcript").asText().split(" ").length);
        }
    }

    @Test
    void speechSynthesisedNowIsTranscribed() throws Exception {
        assumeTrue(hasFlite(), "flite is not installed (apt-get install flite); the committed fixtures still run");
        Path wav = Files.createTempFile("speech", ".wav");
        try {
            Process flite = new ProcessBuilder("flite", "-voice", "slt", "-t", "open the window please", "-o",
                    wav.toString()).redirectErrorStream(true).start();
            assertThat(flite.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Client client = Stream.join(base, "t-" + UUID.randomUUID())) {
                client.send(Map.of("type", "transcription_request", "format", "wav", "data",
                        Base64.getEncoder().encodeToString(Files.readAllBytes(wav))));
                assertThat(client.next(TRANSCRIPTION).get("transcript").asText()).isEqualTo("open the window please");
            }
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    static boolean hasFlite() {
        try {
            Process process = new ProcessBuilder("flite", "-lv").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0; // lists the voices
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String base64(String fixture) throws IOException {
        return Base64.getEncoder().encodeToString(fixture(fixture));
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = OfflineTranscriptionTest.class.getResourceAsStream("/audio/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The samples of a mono 16-bit fixture (its 44-byte canonical header cut off). */
    static byte[] pcmOf(String name) throws IOException {
        byte[] wav = fixture(name);
        return Arrays.copyOfRange(wav, 44, wav.length);
    }

    /** A WAV header with {@code tag} and {@code bits}, and a little data. */
    static byte[] header(int tag, int bits) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 64).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) tag).putShort((short) 1).putInt(16000).putInt(16000 * bits / 8)
                .putShort((short) (bits / 8)).putShort((short) bits).put("data".getBytes()).putInt(64);
        return b.array();
    }
}
