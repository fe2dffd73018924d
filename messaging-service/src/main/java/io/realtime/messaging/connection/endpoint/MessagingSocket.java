package io.realtime.messaging.connection.endpoint;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.messaging.protocol.CloseCodes;
import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;

/** {@code ws://HOST/ws?token=JWT}: authenticates and confirms with {@code connection:authenticated}. */
@WebSocket(path = "/ws")
public class MessagingSocket {

    private final WebSocketAuthenticator authenticator;
    private final EventWriter events;

    public MessagingSocket(WebSocketAuthenticator authenticator, EventWriter events) {
        this.authenticator = authenticator;
        this.events = events;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        AuthResult result = authenticator.authenticate(handshake);
        if (result instanceof AuthResult.Authenticated) {
            return connection.sendText(events.write(
                    new ServerEvent.ConnectionAuthenticated(connection.id(), WireTime.now())));
        }
        AuthResult.Rejected rejected = (AuthResult.Rejected) result;
        String message = rejected.code() == ErrorCode.AUTH_REQUIRED
                ? "Authentication required: no token provided"
                : "Authentication failed: invalid or expired token";
        return connection.sendText(events.write(
                new ServerEvent.ConnectionError(message, rejected.code().name(), WireTime.now())))
                .chain(() -> connection.close(new CloseReason(CloseCodes.AUTH_FAILED, rejected.code().name())));
    }
}
