package io.realtime.media.support;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.infra.test.TestSocket;

/** Test helpers: sockets of a session that read frames as JSON. */
public final class Stream {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Stream() {
    }

    public static URI ws(URI base, String path) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + path);
    }

    /** A client of {@code sessionId}, its {@code connection_established} read. */
    public static Client join(URI base, String sessionId) {
        TestSocket socket = TestSocket.connect(ws(base, "/api/stream/ws/" + sessionId));
        JsonNode established = next(socket);
        if (!"connection_established".equals(established.path("type").asText())) {
            throw new AssertionError("expected connection_established, got " + established);
        }
        return new Client(socket, established.get("client_id").asText(), established);
    }

    public record Client(TestSocket socket, String id, JsonNode established) implements AutoCloseable {
        public Client send(Map<String, ?> frame) {
            socket.send(frame(frame));
            return this;
        }

        public JsonNode next() {
            return Stream.next(socket);
        }

        public JsonNode next(Duration wait) {
            return json(socket.next(wait));
        }

        /** The next frame of {@code type}, skipping others (acks, captions) on the way. */
        public JsonNode nextOfType(String type) {
            long deadline = System.nanoTime() + TestSocket.DEFAULT_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = next();
                if (type.equals(frame.path("type").asText())) {
                    return frame;
                }
            }
            throw new AssertionError("no " + type + " frame");
        }

        /** Asserts nothing arrives for a moment (isolation, no echo). */
        public void expectSilence(Duration wait) {
            String frame = socket.poll(wait);
            if (frame != null) {
                throw new AssertionError("unexpected frame " + frame);
            }
        }

        @Override
        public void close() {
            socket.close();
        }
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

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
