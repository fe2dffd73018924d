package io.realtime.media.connection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.protocol.FrameWriter;
import io.realtime.media.protocol.ServerFrame;

/**
 * Every frame the media stream service sends goes through here: serialised once, counted by type, errors by code,
 * and written through the connection's one {@link OutboundQueue} (in order, capped by {@code stream.outbound.*}).
 */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "media-stream";

    private final FrameWriter writer;
    private final SocketMetrics metrics;
    private final OutboundQueue.Limits limits;

    public Outbound(FrameWriter writer, SocketMetrics metrics, StreamConfig config) {
        this.writer = writer;
        this.metrics = metrics;
        this.limits = new OutboundQueue.Limits(config.outbound().maxQueuedFrames(),
                config.outbound().maxQueuedChars());
    }

    /** The connection's delivery, made once in {@code @OnOpen}. */
    public StreamConnection open(WebSocketConnection connection, String sessionId, String userId) {
        OutboundQueue queue = OutboundQueue.of(connection, limits,
                () -> metrics.error(ENDPOINT, OutboundQueue.OVERFLOW_CODE));
        return new StreamConnection(connection, sessionId, userId, this, queue);
    }

    String write(ServerFrame frame) {
        metrics.frameOut(ENDPOINT, frame.type());
        if (frame instanceof ServerFrame.Error error && error.code() != null) {
            metrics.error(ENDPOINT, error.code());
        }
        return writer.write(frame);
    }
}
