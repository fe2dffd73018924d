package io.realtime.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/** The socket with real clients: every guide type, the errors, and the refusals with their close reasons. */
@QuarkusTest
class StreamSocketTest {

    @TestHTTPResource("/")
    URI base;

    static String session() {
        return "s-" + UUID.randomUUID();
    }

    @Test
    void connectionEstablishedPingAndTest() {
        String session = session();
        try (Client client = Stream.join(base, session)) {
            JsonNode established = client.established();
            assertThat(established.get("message").asText()).isEqualTo("Connected to media stream session");
            assertThat(established.get("session_id").asText()).isEqualTo(session);
            assertThat(established.get("clients").asInt()).isEqualTo(1);
            assertIsoUtc(established.get("timestamp").asText());
            assertThat(established.has("user_id")).isFalse();

            client.send(Map.of("type", "ping", "session_id", session, "timestamp", 1700000000000L));
            JsonNode pong = client.next();
            assertThat(pong.get("type").asText()).isEqualTo("pong");
            assertThat(pong.get("session_id").asText()).isEqualTo(session);
            assertThat(pong.get("client_timestamp").asLong()).isEqualTo(1700000000000L);
            assertIsoUtc(pong.get("timestamp").asText());

            client.send(Map.of("type", "test", "data", Map.of("n", 1, "text", "round trip"), "session_id", session,
                    "timestamp", "2024-01-01T12:00:00Z"));
            JsonNode test = client.next();
            assertThat(test.get("type").asText()).isEqualTo("test_response");
            assertThat(test.get("data")).isEqualTo(Stream.json("{\"n\":1,\"text\":\"round trip\"}"));
            assertThat(test.get("client_timestamp").asText()).isEqualTo("2024-01-01T12:00:00Z");
            assertIsoUtc(test.get("timestamp").asText());
        }
    }

    @Test
    void chatReachesEveryClientOfTheSessionSenderIncludedAndNoOtherSession() {
        String session = session();
        try (Client alice = Stream.join(base, session); Client bob = Stream.join(base, session);
                Client other = Stream.join(base, session())) {
            assertThat(bob.established().get("clients").asInt()).isEqualTo(2);
            alice.send(Map.of("type", "chat", "message", "Hello, world!", "session_id", session, "timestamp",
                    "whatever"));
            for (Client client : List.of(alice, bob)) {
                JsonNode chat = client.next();
                assertThat(chat.get("type").asText()).isEqualTo("chat_message");
                assertThat(chat.get("message").asText()).isEqualTo("Hello, world!");
                assertThat(chat.get("session_id").asText()).isEqualTo(session);
                assertThat(chat.get("from").asText()).isEqualTo(alice.id());
                assertIsoUtc(chat.get("timestamp").asText());
            }
            bob.send(Map.of("type", "chat", "message", "one"));
            bob.send(Map.of("type", "chat", "message", "two"));
            assertThat(alice.next().get("message").asText()).isEqualTo("one");
            assertThat(alice.next().get("message").asText()).isEqualTo("two");
            other.expectSilence(Duration.ofMillis(500));
        }
    }

    @Test
    void audioAndVideoAreAcknowledgedWithByteCounts() {
        String session = session();
        try (Client client = Stream.join(base, session)) {
            byte[] pcm = new byte[32000]; // one second of 16 kHz mono 16-bit PCM
            client.send(Map.of("type", "audio", "data", Base64.getEncoder().encodeToString(pcm), "format", "pcm16",
                    "sample_rate", 16000, "session_id", session, "timestamp", "t"));
            JsonNode audio = client.nextOfType("audio_received");
            assertThat(audio.get("session_id").asText()).isEqualTo(session);
            assertThat(audio.get("bytes").asLong()).isEqualTo(32000);
            assertThat(audio.get("total_bytes").asLong()).isEqualTo(32000);
            assertThat(audio.get("chunks").asLong()).isEqualTo(1);
            assertThat(audio.get("duration_seconds").asDouble()).isEqualTo(1.0);
            assertIsoUtc(audio.get("timestamp").asText());

            client.send(Map.of("type", "video", "data", Base64.getEncoder().encodeToString(new byte[1000])));
            JsonNode video = client.nextOfType("video_received");
            assertThat(video.get("bytes").asLong()).isEqualTo(1000);
            assertThat(video.get("total_bytes").asLong()).isEqualTo(1000);
            client.send(Map.of("type", "video", "data", "data:video/webm;base64,"
                    + Base64.getEncoder().encodeToString(new byte[500])));
            video = client.nextOfType("video_received");
            assertThat(video.get("bytes").asLong()).isEqualTo(500);
            assertThat(video.get("total_bytes").asLong()).isEqualTo(1500);
            assertThat(video.get("chunks").asLong()).isEqualTo(2);
        }
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysUsable() {
        String session = session();
        try (Client client = Stream.join(base, session)) {
            List<String[]> cases = new ArrayList<>();
            client.socket().send("{\"type\": \"ping\"");
            cases.add(new String[] { "INVALID_JSON", "Invalid JSON format" });
            client.send(Map.of("type", "dance"));
            cases.add(new String[] { "UNKNOWN_MESSAGE_TYPE", "Unknown message type: dance" });
            client.send(Map.of("type", "audio"));
            cases.add(new String[] { "VALIDATION_ERROR", "Missing required field 'data' for 'audio'" });
            client.send(Map.of("type", "video", "data", "%%% not base64 %%%"));
            cases.add(new String[] { "VALIDATION_ERROR", "Field 'data' of 'video' is not valid base64" });
            client.send(Map.of("type", "chat", "message", " "));
            cases.add(new String[] { "VALIDATION_ERROR", "Missing required field 'message' for 'chat'" });
            client.send(Map.of("type", "transcription_request"));
            cases.add(new String[] { "VALIDATION_ERROR",
                    "Missing required field 'data' for 'transcription_request'" });
            client.socket().send("{\"type\":\"video\",\"data\":\"" + "A".repeat(4_200_000) + "\"}");
            cases.add(new String[] { "MESSAGE_TOO_LARGE", "Message exceeds 4194304 characters" });
            client.socket().sendBinary(new byte[] { 1, 2, 3 });
            cases.add(new String[] { "VALIDATION_ERROR",
                    "Binary frames are not supported: send JSON text frames (media as base64 in 'data')" });
            for (String[] expected : cases) {
                JsonNode error = client.next();
                assertThat(error.get("type").asText()).as(error.toString()).isEqualTo("error");
                assertThat(error.get("code").asText()).isEqualTo(expected[0]);
                assertThat(error.get("message").asText()).isEqualTo(expected[1]);
                assertThat(error.get("session_id").asText()).isEqualTo(session);
                assertIsoUtc(error.get("timestamp").asText());
            }
            client.send(Map.of("type", "ping"));
            assertThat(client.next().get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void framesOverTheHardLimitClose1009() {
        try (Client client = Stream.join(base, session())) {
            client.socket().send("{\"type\":\"video\",\"data\":\"" + "A".repeat(8_400_000) + "\"}");
            assertThat(client.socket().awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void invalidSessionIdsAreRefusedWithAClearReason() {
        for (String bad : List.of("bad!id", "x".repeat(129), "a%20b")) {
            TestSocket socket = TestSocket.connect(Stream.ws(base, "/api/stream/ws/" + bad));
            JsonNode error = Stream.next(socket);
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("code").asText()).isEqualTo("VALIDATION_ERROR");
            TestSocket.Close close = socket.awaitClose();
            assertThat(close.code()).isEqualTo(1008);
            assertThat(close.reason()).isEqualTo(
                    "Invalid session id: use 1-128 characters of letters, digits, '_' and '-'");
        }
        try (Client longest = Stream.join(base, "A_-9".repeat(32))) {
            assertThat(longest.established().get("session_id").asText()).hasSize(128);
        }
    }

    @Test
    void aSessionTakesAtMostTenClients() {
        String session = session();
        List<Client> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                clients.add(Stream.join(base, session));
            }
            TestSocket eleventh = TestSocket.connect(Stream.ws(base, "/api/stream/ws/" + session));
            JsonNode error = Stream.next(eleventh);
            assertThat(error.get("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
            TestSocket.Close close = eleventh.awaitClose();
            assertThat(close.code()).isEqualTo(1008);
            assertThat(close.reason()).isEqualTo("Session is full: at most 10 clients per session");
            clients.remove(0).close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Client again = Stream.join(base, session)) {
                    assertThat(again.established().get("clients").asInt()).isEqualTo(10);
                }
            });
        } finally {
            clients.forEach(Client::close);
        }
    }

    @Test
    void audioIsLimitedPerSessionAndMinute() {
        String session = session();
        try (Client first = Stream.join(base, session); Client second = Stream.join(base, session)) {
            String thirtySeconds = Base64.getEncoder().encodeToString(pcm(30 * 16000));
            for (Client client : List.of(first, second, first, second)) {
                client.send(Map.of("type", "audio", "format", "pcm16", "sample_rate", 16000, "data", thirtySeconds));
                assertThat(client.nextOfType("audio_received").get("duration_seconds").asDouble()).isEqualTo(30.0);
            }
            first.send(Map.of("type", "audio", "format", "pcm16", "sample_rate", 16000, "data", thirtySeconds));
            JsonNode error = first.nextOfType("error");
            assertThat(error.get("code").asText()).isEqualTo("RATE_LIMIT");
            assertThat(error.get("message").asText()).isEqualTo(
                    "Audio limit reached: at most 120 seconds of audio per minute per session; this chunk was dropped");
            first.send(Map.of("type", "ping"));
            assertThat(first.nextOfType("pong").get("session_id").asText()).isEqualTo(session);
        }
    }

    static byte[] pcm(int samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        return buffer.array();
    }

    static void assertIsoUtc(String timestamp) {
        assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(timestamp)).isBefore(Instant.now().plusSeconds(5));
    }
}
