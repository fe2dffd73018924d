package io.realtime.messaging.connection;

import jakarta.inject.Singleton;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.smallrye.mutiny.Uni;

/**
 * Every frame this service sends goes through here: serialised once, counted by type, error frames by code, and
 * written through the connection's one {@link OutboundQueue} (in order, capped by {@code messaging.outbound.*}).
 */
@Singleton
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "messaging";

    private final EventWriter writer;
    private final SocketMetrics metrics;
    private final OutboundQueue.Limits limits;

    public Outbound(EventWriter writer, SocketMetrics metrics, MessagingConfig config) {
        this.writer = writer;
        this.metrics = metrics;
        this.limits = new OutboundQueue.Limits(config.outbound().maxQueuedFrames(),
                config.outbound().maxQueuedChars());
    }

    public LiveConnection live(WebSocketConnection connection, String userId) {
        return new LiveConnection(connection, userId, this, queue(connection));
    }

    /** Sends on a connection that may not be live (refusals, errors); completes when written. */
    public Uni<Void> send(WebSocketConnection connection, ServerEvent event) {
        return queue(connection).send(write(event));
    }

    private OutboundQueue queue(WebSocketConnection connection) {
        return OutboundQueue.of(connection, limits, () -> metrics.error(ENDPOINT, OutboundQueue.OVERFLOW_CODE));
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
