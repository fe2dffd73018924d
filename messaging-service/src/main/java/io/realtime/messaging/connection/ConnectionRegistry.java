package io.realtime.messaging.connection;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

/**
 * This instance's open connections by user; a user may be connected from several devices, up to a limit. Each user's
 * set is immutable and replaced inside the map's atomic step, so an add racing a removal of the same user's last
 * other connection can never lose the new one.
 */
@Singleton
public class ConnectionRegistry {

    private final Map<String, Set<LiveConnection>> byUser = new ConcurrentHashMap<>();

    /** Adds the connection unless its user already has {@code maxPerUser} here. */
    public boolean tryAdd(LiveConnection connection, int maxPerUser) {
        boolean[] added = { false };
        byUser.compute(connection.userId(), (id, set) -> {
            Set<LiveConnection> current = set == null ? Set.of() : set;
            if (current.size() >= maxPerUser) {
                return set;
            }
            Set<LiveConnection> next = new HashSet<>(current);
            next.add(connection);
            added[0] = true;
            return Set.copyOf(next);
        });
        return added[0];
    }

    public void remove(LiveConnection connection) {
        byUser.computeIfPresent(connection.userId(), (id, set) -> {
            Set<LiveConnection> next = new HashSet<>(set);
            next.remove(connection);
            return next.isEmpty() ? null : Set.copyOf(next);
        });
    }

    public Set<LiveConnection> of(String userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    public List<LiveConnection> ofAll(List<String> userIds) {
        return userIds.stream().flatMap(id -> of(id).stream()).toList();
    }
}
