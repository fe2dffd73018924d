package io.realtime.media.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/** With a key, transcription goes to the OpenAI-compatible /audio/transcriptions API (a WireMock fake here). */
@QuarkusTest
@TestProfile(ApiTranscriptionTest.WithApi.class)
class ApiTranscriptionTest {

    public static class WithApi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stream.transcription.api-key", "test-transcription-key",
                    "stream.transcription.model", "whisper-test",
                    "quarkus.rest-client.transcription.url", OpenAiFake.baseUrl());
        }
    }

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void reset() {
        OpenAiFake.reset();
    }

    @Test
    void anyFormatGoesToTheApiWithFileAndModel() {
        OpenAiFake.transcribe("Hello from the API.");
        byte[] webm = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 9, 9, 9, 9 };
        String session = "api-" + UUID.randomUUID();
        try (Client client = Stream.join(base, session)) {
            client.send(Map.of("type", "transcription_request", "format", "webm", "language", "en", "data",
                    Base64.getEncoder().encodeToString(webm)));
            JsonNode result = client.next(Duration.ofSeconds(30));
            assertThat(result.get("type").asText()).as(result.toString()).isEqualTo("transcription_result");
            assertThat(result.get("transcript").asText()).isEqualTo("Hello from the API.");
            assertThat(result.get("engine").asText()).isEqualTo("api");
            assertThat(result.get("session_id").asText()).isEqualTo(session);
        }
        List<LoggedRequest> requests = OpenAiFake.transcriptionRequests();
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-transcription-key");
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
        String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body).containsPattern("name=\"model\"\\r\\n((?i)content-[^\\r]*\\r\\n)*\\r\\nwhisper-test\\r\\n");
        assertThat(body).containsPattern("name=\"language\"\\r\\n((?i)content-[^\\r]*\\r\\n)*\\r\\nen\\r\\n");
        assertThat(body).contains("name=\"file\"; filename=\"audio.webm\"");
        assertThat(body).contains(new String(webm, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aFailingApiIsATranscriptionErrorAndNoLiveCaptionsRun() {
        OpenAiFake.failTranscriptions(500);
        try (Client client = Stream.join(base, "api-" + UUID.randomUUID())) {
            client.send(Map.of("type", "audio", "format", "pcm16", "sample_rate", 16000, "data",
                    Base64.getEncoder().encodeToString(new byte[3200])));
            assertThat(client.next().get("type").asText()).isEqualTo("audio_received");
            client.send(Map.of("type", "transcription_request", "data",
                    Base64.getEncoder().encodeToString(new byte[3200]), "sample_rate", 16000));
            JsonNode error = client.next(Duration.ofSeconds(30));
            assertThat(error.get("type").asText()).isEqualTo("transcription_error");
            assertThat(error.get("error").asText()).isEqualTo("Transcription service failed: try again later");
            client.expectSilence(Duration.ofMillis(300));
        }
    }
}
