package io.realtime.messaging.connection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.enterprise.context.ApplicationScoped;

/** This instance's open connections by user; a user may be connected from several devices. */
@ApplicationScoped
public class ConnectionRegistry {

    private final Map<String, Set<LiveConnection>> byUser = new ConcurrentHashMap<>();

    public void add(LiveConnection connection) {
        byUser.computeIfAbsent(connection.userId(), id -> new CopyOnWriteArraySet<>()).add(connection);
    }

    public void remove(LiveConnection connection) {
        byUser.computeIfPresent(connection.userId(), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    public Set<LiveConnection> of(String userId) {
        return byUser.getOrDefault(userId, Set.of());
    }

    public List<LiveConnection> ofAll(List<String> userIds) {
        return userIds.stream().flatMap(id -> of(id).stream()).toList();
    }
}
