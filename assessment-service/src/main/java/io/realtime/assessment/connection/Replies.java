package io.realtime.assessment.connection;

import java.time.Clock;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/** The frames one connection is sent, in order, each counted by type (and error frames by code). */
public final class Replies {

    private final WebSocketConnection connection;
    private final FrameWriter frames;
    private final SocketMetrics metrics;
    private final Clock clock;

    Replies(WebSocketConnection connection, FrameWriter frames, SocketMetrics metrics, Clock clock) {
        this.connection = connection;
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Uni<Void> send(ServerMessage message) {
        metrics.frameOut(Outbound.ENDPOINT, message.type());
        if (message instanceof ServerMessage.Error error) {
            metrics.error(Outbound.ENDPOINT, error.code());
        }
        return connection.sendText(frames.write(message));
    }

    public Uni<Void> error(ErrorCode code, String text) {
        return send(new ServerMessage.Error(text, code.name(), now()));
    }

    public String now() {
        return WireTime.now(clock);
    }
}
