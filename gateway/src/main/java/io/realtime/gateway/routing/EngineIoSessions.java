package io.realtime.gateway.routing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Which instance holds each Engine.IO session this gateway saw open: bounded ({@code max-sessions}; beyond, the least
 * recently used is dropped) and forgetting a session once none of its requests came for {@code idle-timeout}. A
 * polling session sends a request at least every ping interval; one upgraded to websocket sends none after its
 * upgrade request and needs no entry any longer. Idle entries are dropped as new sessions arrive, so no timer runs.
 * <p>
 * Requests of one session may come on different event loops: every access holds the lock.
 */
final class EngineIoSessions {

    private static final class Seen {
        final Instance instance;
        long at;

        Seen(Instance instance, long at) {
            this.instance = instance;
            this.at = at;
        }
    }

    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, Seen> sessions;

    /** @param nanoTime {@link System#nanoTime}, or a test's clock */
    EngineIoSessions(int maxSessions, long idleNanos, LongSupplier nanoTime) {
        this.idleNanos = idleNanos;
        this.nanoTime = nanoTime;
        // in access order: the least recently used first, so idle entries are found at the head
        this.sessions = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > maxSessions;
            }
        };
    }

    synchronized void remember(String sid, Instance instance) {
        long now = nanoTime.getAsLong();
        dropIdle(now);
        sessions.put(sid, new Seen(instance, now));
    }

    /** The instance holding {@code sid}, if known; a request of the session keeps it remembered. */
    synchronized Optional<Instance> instanceOf(String sid) {
        long now = nanoTime.getAsLong();
        Seen seen = sessions.get(sid);
        if (seen == null) {
            return Optional.empty();
        }
        if (now - seen.at > idleNanos) {
            sessions.remove(sid);
            return Optional.empty();
        }
        seen.at = now;
        return Optional.of(seen.instance);
    }

    synchronized void forget(String sid) {
        sessions.remove(sid);
    }

    private void dropIdle(long now) {
        Iterator<Seen> oldestFirst = sessions.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().at > idleNanos) {
            oldestFirst.remove();
        }
    }
}
