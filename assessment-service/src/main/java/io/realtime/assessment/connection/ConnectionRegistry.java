package io.realtime.assessment.connection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.CloseCodes;
import io.realtime.protocol.text.SafeText;

/**
 * One connection per user: this instance's open connections by user. A new connection closes the user's older ones
 * here at once, and on other instances through a takeover event ({@link TakeoverMessaging}).
 */
@ApplicationScoped
public class ConnectionRegistry {

    public static final String REPLACED_REASON = "Replaced by a new connection";

    private record Entry(WebSocketConnection connection, Instant openedAt) {
    }

    /** Each user's entries: an immutable list replaced inside the map's atomic step. */
    private final Map<String, List<Entry>> byUser = new ConcurrentHashMap<>();

    /** Registers {@code connection} and closes the user's other connections on this instance. */
    public void register(String userId, WebSocketConnection connection, Instant openedAt) {
        byUser.compute(userId, (id, entries) -> {
            List<Entry> next = entries == null ? new ArrayList<>() : new ArrayList<>(entries);
            next.add(new Entry(connection, openedAt));
            return List.copyOf(next);
        });
        closeOlder(userId, openedAt, connection.id());
    }

    public void unregister(String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(userId, (id, entries) -> without(entries, entry -> entry.connection().id()
                .equals(connection.id())));
    }

    /** This user's connections here (for tests and metrics). */
    public List<WebSocketConnection> of(String userId) {
        return byUser.getOrDefault(userId, List.of()).stream().map(Entry::connection).toList();
    }

    /** Closes this user's connections opened before {@code openedAt}, except {@code keepConnectionId}. */
    public void closeOlder(String userId, Instant openedAt, String keepConnectionId) {
        List<Entry> closing = new ArrayList<>();
        byUser.computeIfPresent(userId, (id, entries) -> without(entries, entry -> {
            boolean older = !entry.connection().id().equals(keepConnectionId)
                    && !entry.openedAt().isAfter(openedAt);
            if (older) {
                closing.add(entry);
            }
            return older;
        }));
        for (Entry entry : closing) {
            Log.debugf("Closing connection %s of user %s: replaced", entry.connection().id(),
                    SafeText.forLog(userId));
            entry.connection().close(new CloseReason(CloseCodes.REPLACED_BY_NEW_CONNECTION, REPLACED_REASON))
                    .subscribe().with(ignored -> {
                    }, failure -> Log.debugf("Close failed: %s", failure.getMessage()));
        }
    }

    private static List<Entry> without(List<Entry> entries, Predicate<Entry> dropped) {
        List<Entry> kept = entries.stream().filter(dropped.negate()).toList();
        return kept.isEmpty() ? null : kept;
    }
}
