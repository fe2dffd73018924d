package io.realtime.media.connection;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** This instance's open connections by session (the other instances' are reached through Kafka). */
@ApplicationScoped
public class SessionRegistry {

    private final Map<String, Set<StreamConnection>> sessions = new ConcurrentHashMap<>();

    public void add(StreamConnection connection) {
        sessions.compute(connection.sessionId(), (id, set) -> {
            Set<StreamConnection> next = set == null ? ConcurrentHashMap.newKeySet() : set;
            next.add(connection);
            return next;
        });
    }

    public void remove(StreamConnection connection) {
        sessions.computeIfPresent(connection.sessionId(), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** A snapshot of the session's connections here. */
    public List<StreamConnection> of(String sessionId) {
        Set<StreamConnection> set = sessions.get(sessionId);
        return set == null ? List.of() : List.copyOf(set);
    }
}
