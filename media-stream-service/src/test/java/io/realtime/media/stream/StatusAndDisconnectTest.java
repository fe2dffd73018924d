package io.realtime.media.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/** GET status (from PostgreSQL, so cluster-wide) and DELETE disconnect (over Kafka, so every instance). */
@QuarkusTest
class StatusAndDisconnectTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void statusCountsConnectionsAndMedia() {
        String session = "st-" + UUID.randomUUID();
        JsonNode none = status(session);
        assertThat(none.get("connected").asBoolean()).isFalse();
        assertThat(none.get("connection_count").asInt()).isZero();
        assertThat(none.at("/media/audio_bytes").asLong()).isZero();

        Instant before = Instant.now().minusSeconds(1);
        try (Client first = Stream.join(base, session); Client second = Stream.join(base, session)) {
            first.send(Map.of("type", "audio", "format", "pcm16", "sample_rate", 16000, "data",
                    Base64.getEncoder().encodeToString(new byte[16000])));
            first.nextOfType("audio_received");
            second.send(Map.of("type", "video", "data", Base64.getEncoder().encodeToString(new byte[700])));
            second.nextOfType("video_received");
            first.send(Map.of("type", "chat", "message", "hi"));
            first.nextOfType("chat_message");

            JsonNode status = status(session);
            assertThat(status.get("session_id").asText()).isEqualTo(session);
            assertThat(status.get("connected").asBoolean()).isTrue();
            assertThat(status.get("connection_count").asInt()).isEqualTo(2);
            assertThat(Instant.parse(status.get("connected_since").asText())).isAfter(before);
            assertThat(status.get("first_connected_at").asText()).isEqualTo(status.get("connected_since").asText());
            JsonNode media = status.get("media");
            assertThat(media.get("audio_chunks").asLong()).isEqualTo(1);
            assertThat(media.get("audio_bytes").asLong()).isEqualTo(16000);
            assertThat(media.get("audio_seconds").asDouble()).isEqualTo(0.5);
            assertThat(media.get("video_chunks").asLong()).isEqualTo(1);
            assertThat(media.get("video_bytes").asLong()).isEqualTo(700);
            assertThat(media.get("chat_messages").asLong()).isEqualTo(1);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode after = status(session);
            assertThat(after.get("connected").asBoolean()).isFalse();
            assertThat(after.get("connection_count").asInt()).isZero();
            assertThat(after.has("connected_since")).isFalse();
            assertThat(after.at("/media/audio_bytes").asLong()).isEqualTo(16000); // counters stay
        });
        given().get("/api/stream/status/bad!id").then().statusCode(400);
    }

    @Test
    void disconnectClosesEveryConnectionOfTheSessionOnly() {
        String session = "dc-" + UUID.randomUUID();
        try (Client first = Stream.join(base, session); Client second = Stream.join(base, session);
                Client other = Stream.join(base, "dc-" + UUID.randomUUID())) {
            JsonNode answer = Stream.json(given().delete("/api/stream/disconnect/" + session).then().statusCode(200)
                    .extract().asString());
            assertThat(answer.get("session_id").asText()).isEqualTo(session);
            assertThat(answer.get("disconnected").asBoolean()).isTrue();
            assertThat(answer.get("connection_count").asInt()).isEqualTo(2);
            for (Client client : new Client[] { first, second }) {
                TestSocket.Close close = client.socket().awaitClose();
                assertThat(close.code()).isEqualTo(1000);
                assertThat(close.reason()).isEqualTo("Session disconnected");
            }
            other.send(Map.of("type", "ping"));
            assertThat(other.next().get("type").asText()).isEqualTo("pong");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> status(session).get("connection_count").asInt() == 0);
    }

    @Test
    void theTestPageIsServed() {
        String html = given().get("/api/stream/test-page").then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertThat(html).contains("<title>Media stream test page</title>", "/api/stream/ws/",
                "'transcription_request'", "createScriptProcessor", "webrtc_offer", "webrtc_answer",
                "webrtc_ice_candidate", "webrtc_hangup", "type: 'ping'", "type: 'chat'", "type: 'audio'",
                "type: 'video'", "type: 'test'");
    }

    static JsonNode status(String session) {
        return Stream.json(given().get("/api/stream/status/" + session).then().statusCode(200).extract().asString());
    }
}
