package io.realtime.assessment.connection.service;

import java.time.Clock;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/** Sends frames to one connection, in order. */
public record Replies(WebSocketConnection connection, FrameWriter frames, Clock clock) {

    public Uni<Void> send(ServerMessage message) {
        return connection.sendText(frames.write(message));
    }

    public Uni<Void> error(ErrorCode code, String text) {
        return send(new ServerMessage.Error(text, code.name(), now()));
    }

    public String now() {
        return WireTime.now(clock);
    }
}
