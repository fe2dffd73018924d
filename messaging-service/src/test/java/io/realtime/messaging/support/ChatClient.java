package io.realtime.messaging.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;

/** A test client for the messaging guide's flat events. */
public final class ChatClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final TestSocket socket;
    public final String userId;

    private ChatClient(TestSocket socket, String userId) {
        this.socket = socket;
        this.userId = userId;
    }

    /** Connects and consumes {@code connection:authenticated}. */
    public static ChatClient connect(URI base, String userId) {
        return connect(base, userId, "");
    }

    public static ChatClient connect(URI base, String userId, String extraQuery) {
        String ws = base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        ChatClient client = new ChatClient(TestSocket.connect(URI.create(ws + "/ws?token=" + DevTokens.token(userId)
                + extraQuery)), userId);
        client.expect("connection:authenticated");
        return client;
    }

    public ChatClient send(String type, Map<String, Object> fields) {
        ObjectNode frame = JSON.valueToTree(fields);
        frame.put("type", type);
        socket.send(frame.toString());
        return this;
    }

    public ChatClient sendMessage(String messageId, String conversationId, String content) {
        return send("message:send", Map.of("messageId", messageId, "conversationId", conversationId, "content",
                content, "timestamp", "2025-01-01T00:00:00.000Z"));
    }

    public ChatClient sendBinary(byte[] data) {
        socket.sendBinary(data);
        return this;
    }

    public ChatClient sendRaw(String text) {
        socket.send(text);
        return this;
    }

    public JsonNode next() {
        return next(TestSocket.DEFAULT_WAIT);
    }

    public JsonNode next(Duration wait) {
        try {
            return JSON.readTree(socket.next(wait));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    public JsonNode expect(String type) {
        JsonNode event = next();
        if (!type.equals(event.path("type").asText())) {
            throw new AssertionError("expected " + type + " but got " + event);
        }
        return event;
    }

    /** The next events, up to {@code count}, skipping none. */
    public List<JsonNode> take(int count) {
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(next());
        }
        return events;
    }

    public void expectSilence(Duration wait) {
        String frame = socket.poll(wait);
        if (frame != null) {
            throw new AssertionError("expected no event but got " + frame);
        }
    }

    public TestSocket.Close awaitClose() {
        return socket.awaitClose();
    }

    public static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    public void close() {
        socket.close();
    }
}
