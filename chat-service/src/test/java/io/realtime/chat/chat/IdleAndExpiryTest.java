package io.realtime.chat.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.chat.support.Chat;
import io.realtime.infra.test.KafkaProbe;
import io.realtime.infra.test.TestSocket;
import io.realtime.kit.time.AdjustableClock;

/** The guide's timings on the service clock, moved instead of waited for: idle warning, idle end, 24 h expiry. */
@QuarkusTest
class IdleAndExpiryTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void idleWarningAfterTwoMinutesThenSessionEndTwoMinutesLater() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("What is a novated lease?", session));
            Chat.answer(socket);

            clock.advance(Duration.ofSeconds(119));
            assertThat(socket.poll(Duration.ofMillis(300))).isNull();
            clock.advance(Duration.ofSeconds(1));
            JsonNode warning = Chat.next(socket);
            assertThat(Chat.fieldNames(warning)).containsExactly("type", "session_id", "response_id", "message", "done",
                    "complete", "metadata");
            assertThat(warning.get("type").asText()).isEqualTo("idle_warning");
            assertThat(warning.get("session_id").asText()).isEqualTo(session.sessionId());
            assertThat(warning.get("message").asText())
                    .isEqualTo("G'day! Are you still there? I'm here if you need anything!");
            assertThat(warning.get("done").asBoolean()).isFalse();
            assertThat(warning.get("complete").asBoolean()).isFalse();
            assertThat(warning.get("metadata").toString())
                    .isEqualTo("{\"type\":\"idle_warning\",\"timeout_seconds\":120}");

            clock.advance(Duration.ofSeconds(120));
            JsonNode end = Chat.next(socket);
            assertThat(Chat.fieldNames(end)).containsExactly("type", "session_id", "response_id", "message", "done",
                    "complete", "conversation_data", "metadata");
            assertThat(end.get("type").asText()).isEqualTo("session_end");
            assertThat(end.get("message").asText()).isEqualTo("No worries! I'll end this session for now. "
                    + "Feel free to come back anytime if you need help!");
            assertThat(end.get("complete").asBoolean()).isTrue();
            assertThat(end.get("conversation_data").toString()).isEqualTo("{}");
            assertThat(end.get("metadata").toString())
                    .isEqualTo("{\"type\":\"session_end\",\"reason\":\"idle_timeout\",\"timeout_seconds\":240}");
            assertThat(end.get("response_id").asText()).isNotEqualTo(warning.get("response_id").asText());

            socket.send(Chat.message("Hello again", session));
            ChatFlowTest.assertError(Chat.next(socket), session.sessionId(), "Session is not active",
                    "processing_error");
            assertThat(socket.isClosed()).isFalse();
        }
        JsonNode stored = given().queryParam("visitor_id", session.visitorId())
                .get("/api/chats/sessions/" + session.sessionId()).then().statusCode(200).extract().as(JsonNode.class);
        assertThat(stored.get("status").asText()).isEqualTo("ended");
        JsonNode history = ChatFlowTest.history(session);
        assertThat(history.at("/messages/2/kind").asText()).isEqualTo("idle_warning");
        assertThat(history.at("/messages/3/kind").asText()).isEqualTo("session_end");

        JsonNode event = Chat.json(KafkaProbe.find("chat.session.ended",
                record -> session.sessionId().equals(record.key()), Duration.ofSeconds(20)).orElseThrow().value());
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("reason").asText()).isEqualTo("idle_timeout");
        assertThat(event.get("visitorId").asText()).isEqualTo(session.visitorId());
    }

    @Test
    void aVisitorMessageRestartsTheIdlePeriod() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base, session)) {
            Chat.next(socket);
            clock.advance(Duration.ofSeconds(100));
            socket.send(Chat.message("Are tyres included?", session));
            Chat.answer(socket);
            clock.advance(Duration.ofSeconds(100));
            assertThat(socket.poll(Duration.ofMillis(300))).isNull();
            clock.advance(Duration.ofSeconds(20));
            assertThat(Chat.next(socket).get("type").asText()).isEqualTo("idle_warning");
        }
    }

    @Test
    void sessionsExpireAfterTwentyFourHours() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            clock.advance(Duration.ofHours(23).plusMinutes(59));
            socket.send(Chat.message("Is registration included?", session));
            assertThat(Chat.answer(socket).end().get("type").asText()).isEqualTo("complete");
            clock.advance(Duration.ofMinutes(1));
            socket.send(Chat.message("Still there?", session));
            ChatFlowTest.assertError(Chat.next(socket), session.sessionId(), "Session has expired",
                    "processing_error");
        }
        JsonNode stored = given().queryParam("visitor_id", session.visitorId())
                .get("/api/chats/sessions/" + session.sessionId()).then().statusCode(200).extract().as(JsonNode.class);
        assertThat(stored.get("status").asText()).isEqualTo("expired");
    }
}
