package io.realtime.chat.connection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.chat.protocol.FrameWriter;
import io.realtime.chat.protocol.ServerFrame;
import io.realtime.kit.metrics.SocketMetrics;

/** Every frame the chat service sends goes through here: serialised once, counted by type, errors by error_type. */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "chat";

    private final FrameWriter writer;
    private final SocketMetrics metrics;

    public Outbound(FrameWriter writer, SocketMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    /** The connection's delivery, made once in {@code @OnOpen}. */
    public ChatConnection open(WebSocketConnection connection) {
        return new ChatConnection(connection, this);
    }

    String write(ServerFrame frame) {
        metrics.frameOut(ENDPOINT, frame.type());
        if (frame instanceof ServerFrame.Error error && error.metadata() != null) {
            metrics.error(ENDPOINT, error.metadata().errorType());
        }
        return writer.write(frame);
    }
}
