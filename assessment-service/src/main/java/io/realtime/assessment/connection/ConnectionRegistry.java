package io.realtime.assessment.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.CloseCodes;

/**
 * One connection per user: this instance's open connections by user. A new connection closes the user's older ones
 * here at once, and on other instances through a takeover event ({@link TakeoverMessaging}).
 */
@ApplicationScoped
public class ConnectionRegistry {

    public static final String REPLACED_REASON = "Replaced by a new connection";

    private record Entry(WebSocketConnection connection, Instant openedAt) {
    }

    private final Map<String, List<Entry>> byUser = new ConcurrentHashMap<>();

    /** Registers {@code connection} and closes the user's other connections on this instance. */
    public void register(String userId, WebSocketConnection connection, Instant openedAt) {
        List<Entry> entries = byUser.computeIfAbsent(userId, id -> new CopyOnWriteArrayList<>());
        entries.add(new Entry(connection, openedAt));
        closeOlder(userId, openedAt, connection.id());
    }

    public void unregister(String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(userId, (id, entries) -> {
            entries.removeIf(entry -> entry.connection().id().equals(connection.id()));
            return entries.isEmpty() ? null : entries;
        });
    }

    /** Closes this user's connections opened before {@code openedAt}, except {@code keepConnectionId}. */
    public void closeOlder(String userId, Instant openedAt, String keepConnectionId) {
        List<Entry> entries = byUser.get(userId);
        if (entries == null) {
            return;
        }
        for (Entry entry : entries) {
            if (!entry.connection().id().equals(keepConnectionId) && !entry.openedAt().isAfter(openedAt)) {
                entries.remove(entry);
                Log.debugf("Closing connection %s of user %s: replaced", entry.connection().id(), userId);
                entry.connection().close(new CloseReason(CloseCodes.REPLACED_BY_NEW_CONNECTION, REPLACED_REASON))
                        .subscribe().with(ignored -> {
                        }, failure -> Log.debugf("Close failed: %s", failure.getMessage()));
            }
        }
    }
}
