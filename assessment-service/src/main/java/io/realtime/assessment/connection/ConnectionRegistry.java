package io.realtime.assessment.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.CloseCodes;
import io.realtime.protocol.text.SafeText;

/**
 * One connection per user: this instance's open connections by user. Connections are ordered by a number drawn from
 * a database sequence when they open (never by clocks, which differ between machines): a user's connection with the
 * highest number is the one that stays. A new connection closes the user's older ones here at once, and on other
 * instances through a takeover event ({@link TakeoverMessaging}) carrying its number.
 */
@ApplicationScoped
public class ConnectionRegistry {

    public static final String REPLACED_REASON = "Replaced by a new connection";

    /** How long another instance's announcement is remembered for a connection of ours that is still opening. */
    private static final long ANNOUNCEMENT_MEMORY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private record Entry(WebSocketConnection connection, long order) {
    }

    private record Announcement(long order, long receivedAt) {
    }

    /** Each user's entries: an immutable list replaced inside the map's atomic step. */
    private final Map<String, List<Entry>> byUser = new ConcurrentHashMap<>();
    /** The newest order announced elsewhere per user, for a while (an older local connection may register late). */
    private final Map<String, Announcement> announced = new ConcurrentHashMap<>();
    private volatile long lastForgotten = System.nanoTime();

    /**
     * Registers {@code connection} with its order number and closes the user's older connections on this instance;
     * if a newer one is already known (here or announced elsewhere), it is {@code connection} that is closed.
     */
    public void register(String userId, WebSocketConnection connection, long order) {
        List<Entry> closing = new ArrayList<>();
        byUser.compute(userId, (id, entries) -> {
            List<Entry> next = new ArrayList<>();
            long newest = newestAnnounced(userId);
            for (Entry entry : entries == null ? List.<Entry> of() : entries) {
                newest = Math.max(newest, entry.order());
            }
            if (newest > order) {
                closing.add(new Entry(connection, order)); // a newer connection exists: this one lost the race
                return entries;
            }
            for (Entry entry : entries == null ? List.<Entry> of() : entries) {
                (entry.order() < order ? closing : next).add(entry);
            }
            next.add(new Entry(connection, order));
            return List.copyOf(next);
        });
        close(userId, closing);
    }

    public void unregister(String userId, WebSocketConnection connection) {
        byUser.computeIfPresent(userId, (id, entries) -> {
            List<Entry> kept = entries.stream().filter(entry -> !entry.connection().id().equals(connection.id()))
                    .toList();
            return kept.isEmpty() ? null : kept;
        });
    }

    /** This user's connections here (for tests and metrics). */
    public List<WebSocketConnection> of(String userId) {
        return byUser.getOrDefault(userId, List.of()).stream().map(Entry::connection).toList();
    }

    /** Another instance opened the user's connection number {@code order}: ours with lower numbers close. */
    public void announcedElsewhere(String userId, long order) {
        forgetOldAnnouncements();
        announced.merge(userId, new Announcement(order, System.nanoTime()),
                (known, latest) -> known.order() >= latest.order() ? known : latest);
        List<Entry> closing = new ArrayList<>();
        byUser.computeIfPresent(userId, (id, entries) -> {
            List<Entry> kept = new ArrayList<>();
            for (Entry entry : entries) {
                (entry.order() < order ? closing : kept).add(entry);
            }
            return kept.isEmpty() ? null : List.copyOf(kept);
        });
        close(userId, closing);
    }

    private long newestAnnounced(String userId) {
        Announcement announcement = announced.get(userId);
        return announcement == null ? Long.MIN_VALUE : announcement.order();
    }

    private void forgetOldAnnouncements() {
        long now = System.nanoTime();
        if (now - lastForgotten > ANNOUNCEMENT_MEMORY_NANOS / 4) {
            lastForgotten = now;
            announced.values().removeIf(a -> now - a.receivedAt() > ANNOUNCEMENT_MEMORY_NANOS);
        }
    }

    private static void close(String userId, List<Entry> closing) {
        for (Entry entry : closing) {
            Log.debugf("Closing connection %s of user %s: replaced", entry.connection().id(),
                    SafeText.forLog(userId));
            entry.connection().close(new CloseReason(CloseCodes.REPLACED_BY_NEW_CONNECTION, REPLACED_REASON))
                    .subscribe().with(ignored -> {
                    }, failure -> Log.debugf("Close failed: %s", failure.getMessage()));
        }
    }
}
