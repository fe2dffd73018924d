package io.realtime.docs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.infra.test.KafkaProbe;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.protocol.event.ProjectEvent;
import io.realtime.protocol.event.ProjectUpdateEvent;

/**
 * A Socket.IO client on the raw protocol (websocket transport) that joined a project's room, reading the events the
 * room receives as a client sees them. Answers the server's Engine.IO pings.
 */
public final class RoomMember implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** An event as the client received it. */
    public record Received(String name, JsonNode data) {
    }

    private final TestSocket socket;
    private final long projectId;
    private final List<Received> seen = new ArrayList<>();

    private RoomMember(TestSocket socket, long projectId) {
        this.socket = socket;
        this.projectId = projectId;
    }

    /** Connects to {@code base} (http://host:port/) as {@code user} and joins the project's room. */
    public static RoomMember join(URI base, String user, long projectId) {
        TestSocket socket = TestSocket.connect(URI.create(base.toString().replaceFirst("^http", "ws")
                + "socket.io/?EIO=4&transport=websocket"));
        RoomMember member = new RoomMember(socket, projectId);
        assertThat(socket.next()).startsWith("0{");
        socket.send("40{\"token\":\"" + DevTokens.token(user) + "\"}");
        assertThat(member.nextFrame()).startsWith("40{\"sid\":");
        member.expect("connection_status", data -> true);
        socket.send("42[\"join_project\",{\"project_id\":" + projectId + "}]");
        member.expect("project_joined", data -> data.get("project_id").asLong() == projectId);
        return member;
    }

    /**
     * Waits until this instance's project-event consumer is live (it starts at the latest offset, so events sent
     * before its partitions are assigned would never reach it): publishes a marker project_update until it arrives.
     */
    public RoomMember awaitEventsFlowing() {
        String marker = "test_barrier_" + UUID.randomUUID();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ProjectUpdateEvent event = new ProjectUpdateEvent(1, UUID.randomUUID().toString(), projectId, marker,
                    Map.of(), "2026-01-01T00:00:00.000Z");
            try {
                KafkaProbe.publish(ProjectEvent.TOPIC, Long.toString(projectId), JSON.writeValueAsString(event));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < until) {
                Received received = poll(Duration.ofMillis(200));
                if (received != null && received.name().equals("project_update")
                        && received.data().get("type").asText().equals(marker)) {
                    return this;
                }
            }
        }
        throw new AssertionError("project events never reached the room");
    }

    /** The next event named {@code name} whose data matches (others are kept in {@link #seen()}). */
    public JsonNode expect(String name, Predicate<JsonNode> match) {
        return expect(name, match, Duration.ofSeconds(60));
    }

    public JsonNode expect(String name, Predicate<JsonNode> match, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Received received = poll(Duration.ofMillis(200));
            if (received != null && received.name().equals(name) && match.test(received.data())) {
                return received.data();
            }
        }
        throw new AssertionError("no " + name + " within " + wait + "; seen " + seen);
    }

    /** Every event received so far, in order. */
    public List<Received> seen() {
        return List.copyOf(seen);
    }

    private Received poll(Duration wait) {
        String frame = socket.poll(wait);
        if (frame == null) {
            return null;
        }
        if (frame.equals("2")) {
            socket.send("3");
            return null;
        }
        if (!frame.startsWith("42[")) {
            return null;
        }
        try {
            JsonNode packet = JSON.readTree(frame.substring(2));
            Received received = new Received(packet.get(0).asText(), packet.path(1));
            seen.add(received);
            return received;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nextFrame() {
        String frame;
        do {
            frame = socket.next(Duration.ofSeconds(20));
        } while (frame.equals("2"));
        return frame;
    }

    @Override
    public void close() {
        socket.close();
    }
}
