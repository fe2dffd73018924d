package io.realtime.docs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.infra.test.TestSocket;

/**
 * A Socket.IO client on the raw protocol (websocket transport) for precise assertions: Engine.IO pings are answered,
 * events come back as {@code [name, data]}.
 */
public final class SioClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestSocket socket;

    private SioClient(TestSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code /} with {@code auth: {token}} (none when null) and reads {@code connection_status}. */
    public static SioClient connect(URL base, String token) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "")
                + "/socket.io/?EIO=4&transport=websocket");
        SioClient client = new SioClient(TestSocket.connect(uri));
        assertThat(client.socket.next()).startsWith("0{");
        client.socket.send(token == null ? "40" : "40{\"token\":\"" + token + "\"}");
        assertThat(client.raw()).startsWith("40{\"sid\":");
        assertThat(client.next().get(0).asText()).isEqualTo("connection_status");
        return client;
    }

    public SioClient emit(String event, String jsonData) {
        socket.send("42[\"" + event + "\"," + jsonData + "]");
        return this;
    }

    /** The next event as {@code [name, data...]}. */
    public JsonNode next() {
        return next(TestSocket.DEFAULT_WAIT);
    }

    public JsonNode next(Duration wait) {
        String packet = raw(wait);
        assertThat(packet).as("an event packet").startsWith("42[");
        return parse(packet.substring(2));
    }

    /** The next event named {@code name} (others before it are skipped); its data. */
    public JsonNode nextNamed(String name) {
        while (true) {
            JsonNode event = next();
            if (event.get(0).asText().equals(name)) {
                return event.get(1);
            }
        }
    }

    /** Events until (and with) the first one named {@code last}. */
    public List<JsonNode> until(String last, Duration wait) {
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            JsonNode event = next(wait);
            events.add(event);
            if (event.get(0).asText().equals(last)) {
                return events;
            }
        }
    }

    /** Nothing but pings arrives within {@code wait}. */
    public String poll(Duration wait) {
        String packet = socket.poll(wait);
        while ("2".equals(packet)) {
            socket.send("3");
            packet = socket.poll(wait);
        }
        return packet;
    }

    public TestSocket.Close awaitClose() {
        return socket.awaitClose();
    }

    public String raw() {
        return raw(TestSocket.DEFAULT_WAIT);
    }

    private String raw(Duration wait) {
        String packet = socket.next(wait);
        while ("2".equals(packet)) {
            socket.send("3");
            packet = socket.next(wait);
        }
        return packet;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
