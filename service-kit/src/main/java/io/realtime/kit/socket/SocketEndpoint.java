package io.realtime.kit.socket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.time.Timers;
import io.realtime.kit.tracing.FrameSpans;
import io.realtime.security.websocket.SocketErrors;
import io.smallrye.mutiny.Uni;

/**
 * What every WebSocket endpoint does the same way, for one endpoint name: counts its connections and frames, runs
 * each decoded frame's handling in its span, and gives the one answer of {@code @OnError}. Get one from
 * {@link SocketEndpoints}.
 */
public final class SocketEndpoint {

    public static final String TOO_BIG = "MESSAGE_TOO_BIG";
    public static final String BINARY_TYPE = "binary";
    public static final String BINARY_REFUSED = "Binary frames are not supported: send JSON text frames";
    public static final String TOKEN_EXPIRED =
            "Authentication failed: the token has expired; reconnect with a new token";

    private static final UserData.TypedKey<Timers.Timer> EXPIRY = new UserData.TypedKey<>("token-expiry");

    private final String name;
    private final SocketMetrics metrics;
    private final FrameSpans spans;
    private final Timers timers;
    private final Clock clock;
    private final SocketLiveness liveness;

    SocketEndpoint(String name, SocketMetrics metrics, FrameSpans spans, Timers timers, Clock clock,
            SocketLiveness liveness) {
        this.name = name;
        this.metrics = metrics;
        this.spans = spans;
        this.timers = timers;
        this.clock = clock;
        this.liveness = liveness;
    }

    /**
     * First thing in {@code @OnOpen}, for every connection (refused ones too); from here the connection is closed
     * if its peer goes silent ({@link SocketLiveness}): call {@link #heard} for every frame and pong it sends.
     */
    public void opened(WebSocketConnection connection) {
        metrics.opened(name);
        liveness.watch(connection);
    }

    /** Something arrived from the peer (a frame of any kind, or a pong): it is alive. */
    public void heard(WebSocketConnection connection) {
        liveness.heard(connection);
    }

    /** First thing in {@code @OnClose}. */
    public void closed(WebSocketConnection connection) {
        metrics.closed(name);
        liveness.forget(connection);
        Timers.Timer expiry = connection.userData().get(EXPIRY);
        if (expiry != null) {
            expiry.cancel();
        }
    }

    /**
     * A socket does not outlive the token that opened it: at {@code expiresAt} (on the service's clock) the endpoint's
     * {@code closeAsExpired} runs (its protocol's auth error, then a close); the client reconnects with a new token.
     */
    public void expireAt(WebSocketConnection connection, Instant expiresAt, Supplier<Uni<Void>> closeAsExpired) {
        Duration left = Duration.between(clock.instant(), expiresAt);
        connection.userData().put(EXPIRY, timers.schedule(left.isNegative() ? Duration.ZERO : left, () -> {
            if (connection.isOpen()) {
                closeAsExpired.get().subscribe().with(ignored -> {
                }, failure -> Log.debugf("Closing %s at token expiry failed: %s", connection.id(),
                        failure.getMessage()));
            }
        }));
    }

    /** A frame that could not be decoded; the endpoint answers it with its protocol's error. */
    public void undecodable() {
        metrics.frameIn(name, SocketMetrics.INVALID_TYPE);
    }

    /** A binary frame: the protocols speak JSON text only; the endpoint answers with its error frame. */
    public Uni<Void> binary(Supplier<Uni<Void>> errorFrame) {
        metrics.frameIn(name, BINARY_TYPE);
        return errorFrame.get();
    }

    /** Counts a decoded frame of {@code type} and runs its handling inside the frame's span. */
    public Uni<Void> handle(String type, Supplier<Uni<Void>> handling) {
        metrics.frameIn(name, type);
        return spans.inbound(name, type, handling);
    }

    /**
     * The answer of {@code @OnError}: a frame over {@code quarkus.websockets-next.server.max-message-size} closes
     * with 1009 (RFC 6455); a client that left mid-send is not an error; anything else is logged and answered with
     * the protocol's internal-error frame (counted where it is sent) while the socket stays open.
     */
    public Uni<Void> failed(WebSocketConnection connection, Throwable error, Supplier<Uni<Void>> internalErrorFrame) {
        if (SocketErrors.isMessageTooBig(error)) {
            metrics.error(name, TOO_BIG);
            return connection.close(new CloseReason(SocketErrors.MESSAGE_TOO_BIG, "Message too big"));
        }
        if (SocketErrors.isClientGone(error)) {
            return Uni.createFrom().voidItem();
        }
        Log.errorf(error, "Unexpected error on %s connection %s", name, connection.id());
        return connection.isClosed() ? Uni.createFrom().voidItem() : internalErrorFrame.get();
    }
}
