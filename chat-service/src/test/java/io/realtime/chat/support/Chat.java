package io.realtime.chat.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.infra.test.TestSocket;
import io.restassured.http.ContentType;

/** Test helpers: sessions over REST, a socket that reads frames as JSON, the frames of one answer. */
public final class Chat {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Session(String sessionId, String visitorId) {
    }

    /** The frames of one answer: its chunks and the frame that ended it (complete or error). */
    public record Answer(List<JsonNode> chunks, JsonNode end) {
        public String text() {
            StringBuilder text = new StringBuilder();
            chunks.forEach(chunk -> text.append(chunk.get("chunk").asText()));
            return text.toString();
        }
    }

    private Chat() {
    }

    /** A new session, created from a random documentation address (the per-address limit is tested apart). */
    public static Session create() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String address = "198.51." + random.nextInt(256) + "." + random.nextInt(256);
        JsonNode body = json(given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .post("/api/chats/sessions/").then().statusCode(201).extract().asString());
        return new Session(body.get("session_id").asText(), body.get("visitor_id").asText());
    }

    public static TestSocket connect(URI base) {
        return TestSocket.connect(ws(base, "/ws/chat/"));
    }

    public static TestSocket connect(URI base, Session session) {
        return TestSocket.connect(ws(base, "/ws/chat/?session_id=" + session.sessionId() + "&visitor_id="
                + session.visitorId()));
    }

    public static URI ws(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path);
    }

    public static String message(String text, Session session) {
        return frame(Map.of("type", "chat_message", "message", text, "session_id", session.sessionId(),
                "visitor_id", session.visitorId()));
    }

    public static String frame(Map<String, ?> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode next(TestSocket socket) {
        return json(socket.next());
    }

    public static JsonNode next(TestSocket socket, Duration wait) {
        return json(socket.next(wait));
    }

    /** Reads frames until the answer ends with {@code complete} or {@code error}. */
    public static Answer answer(TestSocket socket) {
        List<JsonNode> chunks = new ArrayList<>();
        while (true) {
            JsonNode frame = next(socket, Duration.ofSeconds(30));
            if ("chunk".equals(frame.get("type").asText())) {
                chunks.add(frame);
            } else {
                return new Answer(chunks, frame);
            }
        }
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
