package io.realtime.security.websocket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** A minimal endpoint that uses the shared authenticator the way the services do. */
@WebSocket(path = "/probe")
public class AuthProbeEndpoint {

    private final WebSocketAuthenticator authenticator;

    public AuthProbeEndpoint(WebSocketAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        AuthResult result = authenticator.authenticate(handshake);
        if (result instanceof AuthResult.Authenticated ok) {
            return connection.sendText("{\"type\":\"authenticated\",\"user_id\":\"" + ok.userId()
                    + "\",\"groups\":" + ok.groups().size() + "}");
        }
        AuthResult.Rejected rejected = (AuthResult.Rejected) result;
        return connection.sendText("{\"type\":\"error\",\"code\":\"" + rejected.code() + "\"}")
                .chain(() -> connection.close(new CloseReason(4001, rejected.reason())));
    }
}
