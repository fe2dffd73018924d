package io.realtime.chat.chat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.chat.support.Chat;
import io.realtime.infra.test.KafkaProbe;
import io.realtime.infra.test.TestSocket;

/** The socket without a model: what a client sees, frame by frame, and what is stored. */
@QuarkusTest
class ChatFlowTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void connectedIsSentAtOnceWithOnlyItsFields() {
        try (TestSocket socket = Chat.connect(base)) {
            JsonNode connected = Chat.next(socket);
            assertThat(Chat.fieldNames(connected)).containsExactly("type", "done", "complete", "metadata");
            assertThat(connected.toString()).isEqualTo(
                    "{\"type\":\"connected\",\"done\":false,\"complete\":false,\"metadata\":{\"status\":\"connected\"}}");
        }
        // without the trailing slash too
        try (TestSocket socket = TestSocket.connect(Chat.ws(base, "/ws/chat"))) {
            assertThat(Chat.next(socket).get("type").asText()).isEqualTo("connected");
        }
    }

    @Test
    void connectedNamesTheSessionOfTheUrl() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base, session)) {
            JsonNode connected = Chat.next(socket);
            assertThat(Chat.fieldNames(connected)).containsExactly("type", "session_id", "done", "complete",
                    "conversation_data", "metadata");
            assertThat(connected.get("session_id").asText()).isEqualTo(session.sessionId());
            assertThat(connected.get("conversation_data").toString()).isEqualTo("{}");
            assertThat(connected.get("metadata").toString()).isEqualTo("{\"status\":\"connected\"}");
        }
        Chat.Session other = Chat.create();
        try (TestSocket socket = TestSocket.connect(Chat.ws(base, "/ws/chat/?session_id=" + session.sessionId()
                + "&visitor_id=" + other.visitorId()))) {
            assertThat(Chat.next(socket).has("session_id")).isFalse();
            JsonNode error = Chat.next(socket);
            assertThat(error.get("error").asText()).isEqualTo("Session not found");
        }
    }

    @Test
    void knowledgeBaseAnswerStreamsWordByWordThenCompletes() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("What is a novated lease?", session));
            Chat.Answer answer = Chat.answer(socket);

            assertThat(answer.chunks()).hasSizeGreaterThan(10);
            String messageId = answer.chunks().get(0).get("message_id").asText();
            for (JsonNode chunk : answer.chunks()) {
                assertThat(Chat.fieldNames(chunk)).containsExactly("type", "chunk", "done", "complete", "message_id");
                assertThat(chunk.get("done").asBoolean()).isFalse();
                assertThat(chunk.get("complete").asBoolean()).isFalse();
                assertThat(chunk.get("message_id").asText()).isEqualTo(messageId);
            }
            assertThat(answer.chunks().get(0).get("chunk").asText()).isEqualTo("A ");
            assertThat(answer.text()).startsWith("A novated lease is a three-way agreement between you, your employer");

            JsonNode complete = answer.end();
            assertThat(Chat.fieldNames(complete)).containsExactly("type", "message_id", "response_id", "done",
                    "complete", "conversation_data", "needs_info", "suggestions");
            assertThat(complete.get("type").asText()).isEqualTo("complete");
            assertThat(complete.get("message_id").asText()).isEqualTo(messageId);
            assertThat(complete.get("done").asBoolean()).isTrue();
            assertThat(complete.get("complete").asBoolean()).isFalse();
            assertThat(complete.get("needs_info").asBoolean()).isTrue();
            assertThat(complete.get("conversation_data").toString()).isEqualTo("{}");
            assertThat(complete.get("suggestions")).hasSize(3);
            complete.get("suggestions").forEach(s -> assertThat(s.asText()).endsWith("?")
                    .isNotEqualTo("What is a novated lease?"));

            JsonNode history = history(session);
            assertThat(history.get("messages")).hasSize(2);
            assertThat(history.at("/messages/0/id").asText()).isEqualTo(messageId);
            assertThat(history.at("/messages/0/role").asText()).isEqualTo("user");
            assertThat(history.at("/messages/0/content").asText()).isEqualTo("What is a novated lease?");
            assertThat(history.at("/messages/1/id").asText()).isEqualTo(complete.get("response_id").asText());
            assertThat(history.at("/messages/1/role").asText()).isEqualTo("assistant");
            assertThat(history.at("/messages/1/content").asText()).isEqualTo(answer.text());
        }
    }

    @Test
    void relevantEntryIsFoundForARephrasedQuestion() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("do electric cars have to pay fringe benefits tax?", session));
            assertThat(Chat.answer(socket).text()).contains("exempt from FBT");
            socket.send(Chat.message("what happens to my car lease if I quit my job", session));
            assertThat(Chat.answer(socket).text()).contains("stays with");
        }
    }

    @Test
    void theGuidesErrorsInTheGuidesOrder() {
        Chat.Session session = Chat.create();
        Chat.Session other = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.frame(Map.of("type", "chat_message", "session_id", session.sessionId(),
                    "visitor_id", session.visitorId())));
            assertError(Chat.next(socket), session.sessionId(), "message is required", "validation_error");
            socket.send(Chat.message("   ", session));
            assertError(Chat.next(socket), session.sessionId(), "message is required", "validation_error");

            socket.send(Chat.message("hi", new Chat.Session("00000000-0000-0000-0000-000000000000",
                    session.visitorId())));
            assertError(Chat.next(socket), "00000000-0000-0000-0000-000000000000", "Session not found",
                    "processing_error");
            socket.send(Chat.message("hi", new Chat.Session("not-a-uuid", session.visitorId())));
            assertError(Chat.next(socket), null, "Session not found", "processing_error");

            socket.send(Chat.message("hi", new Chat.Session(session.sessionId(), other.visitorId())));
            assertError(Chat.next(socket), session.sessionId(), "Visitor ID does not match", "processing_error");
            socket.send(Chat.frame(Map.of("type", "chat_message", "message", "hi", "session_id",
                    session.sessionId())));
            assertError(Chat.next(socket), session.sessionId(), "Visitor ID does not match", "processing_error");

            // still usable
            socket.send(Chat.message("What is FBT?", session));
            assertThat(Chat.answer(socket).end().get("type").asText()).isEqualTo("complete");
        }
    }

    @Test
    void repliesComeInTheOrderOfTheFramesEvenWhenSomeWaitForTheDatabase() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            // the first needs the session from PostgreSQL, the others are refused before that: still answered after
            socket.send(Chat.message("hi", new Chat.Session(session.sessionId(),
                    "00000000-0000-0000-0000-000000000000")));
            socket.send("{not json");
            socket.sendBinary(new byte[] { 1 });
            socket.send(Chat.frame(Map.of("type", "chat_message", "session_id", session.sessionId(),
                    "visitor_id", session.visitorId())));
            assertError(Chat.next(socket), session.sessionId(), "Visitor ID does not match", "processing_error");
            assertError(Chat.next(socket), null, "Invalid JSON format", "validation_error");
            assertError(Chat.next(socket), null, "Binary frames are not supported: send JSON text frames",
                    "validation_error");
            assertError(Chat.next(socket), session.sessionId(), "message is required", "validation_error");
        }
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysUsable() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send("{not json");
            assertError(Chat.next(socket), null, "Invalid JSON format", "validation_error");
            socket.send("{\"type\":\"dance\"}");
            assertError(Chat.next(socket), null, "Unknown message type: dance", "validation_error");
            socket.send("[1,2]");
            assertError(Chat.next(socket), null, "Message must be a JSON object", "validation_error");
            socket.send("{\"message\":\"no type\"}");
            assertError(Chat.next(socket), null, "Missing required field 'type'", "validation_error");
            socket.send(Chat.message("nul \u0000 inside", session));
            assertError(Chat.next(socket), null,
                    "Field 'message' must not contain NUL characters or unpaired surrogates", "validation_error");
            socket.send(Chat.message("x".repeat(4001), session));
            assertError(Chat.next(socket), session.sessionId(), "message exceeds 4000 characters",
                    "validation_error");
            socket.send(Chat.message("y".repeat(20_000), session));
            assertError(Chat.next(socket), null, "Message exceeds 16384 characters", "validation_error");
            socket.sendBinary(new byte[] { 1, 2, 3 });
            assertError(Chat.next(socket), null, "Binary frames are not supported: send JSON text frames",
                    "validation_error");

            socket.send(Chat.message("How long can a novated lease be?", session));
            assertThat(Chat.answer(socket).text()).contains("between one and five years");
        }
        assertThat(history(session).get("messages")).hasSize(2); // nothing bad was stored
    }

    @Test
    void aSecondMessageWaitsForTheFirstAnswer() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("Is fuel included in a novated lease?", session));
            socket.send(Chat.message("Are tyres included?", session));
            Chat.Answer first = Chat.answer(socket);
            Chat.Answer second = Chat.answer(socket);
            assertThat(first.end().get("type").asText()).isEqualTo("complete");
            assertThat(second.end().get("type").asText()).isEqualTo("complete");
            assertThat(first.text()).contains("fuel card");
            assertThat(second.text()).contains("Tyres");
            String firstId = first.end().get("message_id").asText();
            assertThat(first.chunks()).allMatch(chunk -> chunk.get("message_id").asText().equals(firstId));
            assertThat(second.chunks()).allMatch(chunk -> !chunk.get("message_id").asText().equals(firstId));
        }
        List<String> roles = new ArrayList<>();
        history(session).get("messages").forEach(m -> roles.add(m.get("role").asText()));
        assertThat(roles).containsExactly("user", "assistant", "user", "assistant");
    }

    @Test
    void contactDetailsCompleteTheSession() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("My name is Jane Citizen, my postcode is 2000", session));
            JsonNode first = Chat.answer(socket).end();
            assertThat(first.get("complete").asBoolean()).isFalse();
            assertThat(first.get("needs_info").asBoolean()).isTrue();
            assertThat(first.get("conversation_data").toString())
                    .isEqualTo("{\"name\":\"Jane Citizen\",\"postcode\":\"2000\"}");

            socket.send(Chat.message("You can reach me at jane@example.com or 0412 345 678", session));
            Chat.Answer second = Chat.answer(socket);
            assertThat(second.text()).startsWith("Thanks, Jane!");
            JsonNode complete = second.end();
            assertThat(complete.get("complete").asBoolean()).isTrue();
            assertThat(complete.get("needs_info").asBoolean()).isFalse();
            assertThat(complete.get("conversation_data").toString()).isEqualTo("{\"name\":\"Jane Citizen\","
                    + "\"email\":\"jane@example.com\",\"phone\":\"0412345678\",\"postcode\":\"2000\"}");

            socket.send(Chat.message("One more thing", session));
            assertError(Chat.next(socket), session.sessionId(), "Session is not active", "processing_error");
        }
        JsonNode stored = given().queryParam("visitor_id", session.visitorId())
                .get("/api/chats/sessions/" + session.sessionId() + "/").then().statusCode(200).extract()
                .as(JsonNode.class);
        assertThat(stored.get("status").asText()).isEqualTo("completed");
        assertThat(stored.get("conversation_data").get("email").asText()).isEqualTo("jane@example.com");

        JsonNode event = Chat.json(KafkaProbe.find("chat.session.completed",
                record -> session.sessionId().equals(record.key()), Duration.ofSeconds(20)).orElseThrow().value());
        assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.get("sessionId").asText()).isEqualTo(session.sessionId());
        assertThat(event.get("visitorId").asText()).isEqualTo(session.visitorId());
        assertThat(event.get("name").asText()).isEqualTo("Jane Citizen");
        assertThat(event.get("email").asText()).isEqualTo("jane@example.com");
        assertThat(event.get("phone").asText()).isEqualTo("0412345678");
        assertThat(event.get("conversationData").get("postcode").asText()).isEqualTo("2000");
        assertThat(event.get("eventId").asText()).isNotBlank();
        assertThat(event.get("completedAt").asText()).endsWith("Z");
    }

    @Test
    void rateLimitPerSession() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            for (int i = 0; i < 20; i++) {
                socket.send(Chat.message("What is a balloon payment? " + i, session));
                assertThat(Chat.answer(socket).end().get("type").asText()).isEqualTo("complete");
            }
            socket.send(Chat.message("And one more?", session));
            JsonNode limited = Chat.next(socket);
            assertThat(limited.get("error").asText()).matches("Rate limit exceeded\\. Try again in \\d+ seconds");
            assertThat(limited.at("/metadata/error_type").asText()).isEqualTo("rate_limited");
        }
    }

    static void assertError(JsonNode frame, String sessionId, String error, String errorType) {
        List<String> fields = new ArrayList<>(List.of("type", "done", "complete", "error", "metadata"));
        if (sessionId != null) {
            fields.add(1, "session_id");
            assertThat(frame.get("session_id").asText()).isEqualTo(sessionId);
        }
        assertThat(Chat.fieldNames(frame)).containsExactlyElementsOf(fields);
        assertThat(frame.get("type").asText()).isEqualTo("error");
        assertThat(frame.get("error").asText()).isEqualTo(error);
        assertThat(frame.get("done").asBoolean()).isFalse();
        assertThat(frame.get("complete").asBoolean()).isFalse();
        assertThat(frame.get("metadata").toString()).isEqualTo("{\"error_type\":\"" + errorType + "\"}");
    }

    static JsonNode history(Chat.Session session) {
        return Chat.json(given().header("X-Visitor-Id", session.visitorId())
                .get("/api/chats/sessions/" + session.sessionId() + "/messages/").then().statusCode(200).extract()
                .asString());
    }
}
