package io.realtime.messaging.connection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.smallrye.mutiny.Uni;

/** Every frame this service sends goes through here: serialised once, counted by type, error frames by code. */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "messaging";

    private final EventWriter writer;
    private final SocketMetrics metrics;

    public Outbound(EventWriter writer, SocketMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    public LiveConnection live(WebSocketConnection connection, String userId) {
        return new LiveConnection(connection, userId, this);
    }

    /** Sends on a connection that may not be live yet (refusals, the replay). */
    public Uni<Void> send(WebSocketConnection connection, ServerEvent event) {
        return connection.sendText(write(event));
    }

    /** Serialises and counts one frame. */
    public String write(ServerEvent event) {
        counted(event.type());
        String code = errorCode(event);
        if (code != null) {
            metrics.error(ENDPOINT, code);
        }
        return writer.write(event);
    }

    /** Counts a frame serialised once for many connections ({@link EventFrames}). */
    void counted(String type) {
        metrics.frameOut(ENDPOINT, type);
    }

    private static String errorCode(ServerEvent event) {
        if (event instanceof ServerEvent.ConnectionError error) {
            return error.code();
        }
        if (event instanceof ServerEvent.MessageAck ack) {
            return ack.code();
        }
        return null;
    }
}
