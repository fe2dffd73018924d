package io.realtime.chat.connection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.chat.config.ChatConfig;
import io.realtime.chat.protocol.FrameWriter;
import io.realtime.chat.protocol.ServerFrame;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.socket.OutboundQueue;

/**
 * Every frame the chat service sends goes through here: serialised once, counted by type, errors by error_type, and
 * written through the connection's one {@link OutboundQueue} (in order, capped by {@code chat.outbound.*}).
 */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "chat";

    private final FrameWriter writer;
    private final SocketMetrics metrics;
    private final OutboundQueue.Limits limits;

    public Outbound(FrameWriter writer, SocketMetrics metrics, ChatConfig config) {
        this.writer = writer;
        this.metrics = metrics;
        this.limits = new OutboundQueue.Limits(config.outbound().maxQueuedFrames(),
                config.outbound().maxQueuedChars());
    }

    /** The connection's delivery, made once in {@code @OnOpen}: every frame goes through its {@link OutboundQueue}. */
    public ChatConnection open(WebSocketConnection connection) {
        return new ChatConnection(connection, this, OutboundQueue.of(connection, limits,
                () -> metrics.error(ENDPOINT, OutboundQueue.OVERFLOW_CODE)));
    }

    String write(ServerFrame frame) {
        metrics.frameOut(ENDPOINT, frame.type());
        if (frame instanceof ServerFrame.Error error && error.metadata() != null) {
            metrics.error(ENDPOINT, error.metadata().errorType());
        }
        return writer.write(frame);
    }
}
