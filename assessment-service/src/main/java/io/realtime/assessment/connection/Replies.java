package io.realtime.assessment.connection;

import java.time.Clock;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * The frames one connection is sent, in order through its {@link OutboundQueue}, each counted by type (and error
 * frames by code).
 */
public final class Replies {

    private final WebSocketConnection connection;
    private final OutboundQueue queue;
    private final FrameWriter frames;
    private final SocketMetrics metrics;
    private final Clock clock;

    Replies(WebSocketConnection connection, OutboundQueue queue, FrameWriter frames, SocketMetrics metrics,
            Clock clock) {
        this.connection = connection;
        this.queue = queue;
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    /** Completes when written (or when it never will be: the connection closed). */
    public Uni<Void> send(ServerMessage message) {
        metrics.frameOut(Outbound.ENDPOINT, message.type());
        if (message instanceof ServerMessage.Error error) {
            metrics.error(Outbound.ENDPOINT, error.code());
        }
        return queue.send(frames.write(message));
    }

    public Uni<Void> error(ErrorCode code, String text) {
        return send(new ServerMessage.Error(text, code.name(), now()));
    }

    public String now() {
        return WireTime.now(clock);
    }
}
