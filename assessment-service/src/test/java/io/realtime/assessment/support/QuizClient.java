package io.realtime.assessment.support;

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

/** A test client that speaks the assessment guide's frames. */
public final class QuizClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final TestSocket socket;
    private final List<JsonNode> received = new ArrayList<>();

    private QuizClient(TestSocket socket) {
        this.socket = socket;
    }

    public static QuizClient connect(URI base, long testId, String userId) {
        return connectWithToken(base, String.valueOf(testId), DevTokens.token(userId));
    }

    public static QuizClient connectWithToken(URI base, String testId, String token) {
        String ws = base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        return new QuizClient(TestSocket.connect(URI.create(ws + "/ws/assessment/" + testId + "?token=" + token)));
    }

    /** Connects and consumes {@code auth_success}. */
    public static QuizClient authenticated(URI base, long testId, String userId) {
        QuizClient client = connect(base, testId, userId);
        client.expect("auth_success");
        return client;
    }

    public QuizClient send(String type) {
        socket.send("{\"type\":\"" + type + "\"}");
        return this;
    }

    public QuizClient send(String type, Map<String, Object> data) {
        ObjectNode frame = JSON.createObjectNode().put("type", type);
        frame.set("data", JSON.valueToTree(data));
        socket.send(frame.toString());
        return this;
    }

    public QuizClient sendBinary(byte[] data) {
        socket.sendBinary(data);
        return this;
    }

    public QuizClient sendRaw(String text) {
        socket.send(text);
        return this;
    }

    /** The next frame, whole. */
    public JsonNode next() {
        return next(TestSocket.DEFAULT_WAIT);
    }

    public JsonNode next(Duration wait) {
        try {
            JsonNode frame = JSON.readTree(socket.next(wait));
            received.add(frame);
            return frame;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    /** The next frame, which must have this type; returns its whole frame. */
    public JsonNode expectFrame(String type) {
        JsonNode frame = next();
        if (!type.equals(frame.path("type").asText())) {
            throw new AssertionError("expected " + type + " but got " + frame);
        }
        return frame;
    }

    /** The next frame, which must have this type; returns its {@code data}. */
    public JsonNode expect(String type) {
        return expectFrame(type).get("data");
    }

    /** No frame arrives within {@code wait}. */
    public void expectSilence(Duration wait) {
        String frame = socket.poll(wait);
        if (frame != null) {
            throw new AssertionError("expected no frame but got " + frame);
        }
    }

    public TestSocket.Close awaitClose() {
        return socket.awaitClose();
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    public List<JsonNode> received() {
        return received;
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
