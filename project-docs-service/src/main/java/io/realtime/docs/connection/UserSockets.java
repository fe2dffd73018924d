package io.realtime.docs.connection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** How many Socket.IO connections each user holds on this instance, so that one user cannot hold too many. */
@ApplicationScoped
public class UserSockets {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    public int count(String userId) {
        return counts.getOrDefault(userId, 0);
    }

    /** Counts one more connection for {@code userId} unless they already hold {@code max}. */
    public boolean tryAdd(String userId, int max) {
        boolean[] added = new boolean[1];
        counts.compute(userId, (user, count) -> {
            int current = count == null ? 0 : count;
            added[0] = current < max;
            return added[0] ? current + 1 : current;
        });
        return added[0];
    }

    public void remove(String userId) {
        counts.computeIfPresent(userId, (user, count) -> count <= 1 ? null : count - 1);
    }
}
