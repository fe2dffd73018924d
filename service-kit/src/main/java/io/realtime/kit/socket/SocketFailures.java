package io.realtime.kit.socket;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.security.websocket.SocketErrors;
import io.smallrye.mutiny.Uni;

/**
 * The one answer of every endpoint's {@code @OnError}: a frame over {@code quarkus.websockets-next.server
 * .max-message-size} closes with 1009 (RFC 6455); a client that left mid-send is not an error; anything else is
 * logged and answered with the protocol's internal-error frame (counted where it is sent) while the socket stays
 * open.
 */
@ApplicationScoped
public class SocketFailures {

    public static final String TOO_BIG = "MESSAGE_TOO_BIG";

    private final SocketMetrics metrics;

    public SocketFailures(SocketMetrics metrics) {
        this.metrics = metrics;
    }

    public Uni<Void> handle(String endpoint, WebSocketConnection connection, Throwable error,
            Supplier<Uni<Void>> internalErrorFrame) {
        if (SocketErrors.isMessageTooBig(error)) {
            metrics.error(endpoint, TOO_BIG);
            return connection.close(new CloseReason(SocketErrors.MESSAGE_TOO_BIG, "Message too big"));
        }
        if (SocketErrors.isClientGone(error)) {
            return Uni.createFrom().voidItem();
        }
        Log.errorf(error, "Unexpected error on %s connection %s", endpoint, connection.id());
        return connection.isClosed() ? Uni.createFrom().voidItem() : internalErrorFrame.get();
    }
}
