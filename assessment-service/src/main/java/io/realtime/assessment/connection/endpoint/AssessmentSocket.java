package io.realtime.assessment.connection.endpoint;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.CloseCodes;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;

/** {@code ws://HOST/ws/assessment/{test_id}?token=JWT}: authenticates, then confirms with {@code auth_success}. */
@WebSocket(path = "/ws/assessment/{test_id}")
public class AssessmentSocket {

    private final WebSocketAuthenticator authenticator;
    private final FrameWriter frames;
    private final Clock clock;

    public AssessmentSocket(WebSocketAuthenticator authenticator, FrameWriter frames) {
        this.authenticator = authenticator;
        this.frames = frames;
        this.clock = Clock.systemUTC();
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        AuthResult result = authenticator.authenticate(handshake);
        if (result instanceof AuthResult.Authenticated user) {
            Instant now = clock.instant();
            return connection.sendText(frames.write(new ServerMessage.AuthSuccess(
                    wireUserId(user.userId()), connectionId(user.userId(), now), WireTime.format(now))));
        }
        String error = ErrorCode.AUTH_FAILED.defaultMessage();
        return connection.sendText(frames.write(new ServerMessage.Error(error, ErrorCode.AUTH_FAILED.name(),
                WireTime.now(clock))))
                .chain(() -> connection.close(new CloseReason(CloseCodes.AUTH_FAILED, error)));
    }

    /** The guide shows {@code "user_id": 123}: numeric ids travel as numbers. */
    static Object wireUserId(String userId) {
        return userId.matches("-?\\d{1,18}") ? (Object) Long.parseLong(userId) : userId;
    }

    /** {@code <user_id>_<epoch seconds with millis>}, as the guide shows ({@code 123_1640995200.123}). */
    static String connectionId(String userId, Instant now) {
        long millis = now.toEpochMilli();
        return userId + "_" + (millis / 1000) + "." + String.format("%03d", millis % 1000);
    }
}
