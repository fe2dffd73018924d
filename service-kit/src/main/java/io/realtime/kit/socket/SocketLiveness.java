package io.realtime.kit.socket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;

/**
 * Closes connections whose peer has gone silent. The server pings every
 * {@code quarkus.websockets-next.server.auto-ping-interval} (browsers and WebSocket libraries answer with a pong by
 * themselves, whatever the application does), so a connection from which nothing at all (no frame, no pong) has
 * arrived for {@code realtime.socket.dead-after} is a dead peer or a client that stopped reading: it is closed with
 * 1001 and its memory released. Real time, not the service clock: this is about the network.
 */
@ApplicationScoped
public class SocketLiveness {

    public static final int GOING_AWAY = 1001;
    public static final String SILENT_REASON = "No answer to pings";

    private static final class Watched {
        final WebSocketConnection connection;
        volatile long lastHeard = System.nanoTime();

        Watched(WebSocketConnection connection) {
            this.connection = connection;
        }
    }

    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final Vertx vertx;
    private final Duration deadAfter;

    public SocketLiveness(Vertx vertx, @ConfigProperty(name = "realtime.socket.dead-after") Duration deadAfter) {
        this.vertx = vertx;
        this.deadAfter = deadAfter;
    }

    void watch(WebSocketConnection connection) {
        watched.put(connection.id(), new Watched(connection));
        if (sweeping.compareAndSet(false, true)) {
            vertx.setPeriodic(Math.max(100, deadAfter.toMillis() / 3), id -> sweep());
        }
    }

    void heard(WebSocketConnection connection) {
        Watched entry = watched.get(connection.id());
        if (entry != null) {
            entry.lastHeard = System.nanoTime();
        }
    }

    void forget(WebSocketConnection connection) {
        watched.remove(connection.id());
    }

    private void sweep() {
        long now = System.nanoTime();
        watched.values().removeIf(entry -> {
            if (now - entry.lastHeard < deadAfter.toNanos()) {
                return false;
            }
            if (entry.connection.isOpen()) {
                Log.debugf("Closing silent connection %s", entry.connection.id());
                entry.connection.close(new CloseReason(GOING_AWAY, SILENT_REASON)).subscribe().with(ignored -> {
                }, failure -> Log.debugf("Close failed: %s", failure.getMessage()));
            }
            return true;
        });
    }
}
