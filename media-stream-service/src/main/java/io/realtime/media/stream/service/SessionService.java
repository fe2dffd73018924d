package io.realtime.media.stream.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.stream.domain.SessionStatus;
import io.realtime.media.stream.messaging.SessionEvents;
import io.realtime.media.stream.repository.StreamRepository;
import io.realtime.protocol.event.MediaSessionEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * Who is in which session, across the cluster: connections are registered in PostgreSQL under this instance's id
 * (its heartbeat keeps them counted), chat and disconnects go to every instance over Kafka.
 */
@ApplicationScoped
public class SessionService {

    /** Session ids as the issue allows them. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    public static final String INVALID_SESSION =
            "Invalid session id: use 1-128 characters of letters, digits, '_' and '-'";

    /** The session already has its maximum of clients. */
    public static final class SessionFullException extends RuntimeException {
        public SessionFullException(int max) {
            super("Session is full: at most " + max + " clients per session");
        }
    }

    private final StreamRepository repository;
    private final SessionEvents events;
    private final StreamConfig config;
    private final Clock clock;
    private final String instanceId;

    public SessionService(StreamRepository repository, SessionEvents events, StreamConfig config, Clock clock,
            @ConfigProperty(name = "quarkus.uuid") String instanceId) {
        this.repository = repository;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    public static boolean isValidSessionId(String sessionId) {
        return sessionId != null && SESSION_ID.matcher(sessionId).matches();
    }

    void onStart(@Observes StartupEvent start) {
        heartbeat().await().atMost(config.instance().staleAfter());
        Log.infof("Media stream instance %s registered", instanceId);
    }

    void onStop(@Observes ShutdownEvent stop) {
        try {
            repository.removeInstance(instanceId).await().atMost(config.instance().heartbeat());
        } catch (RuntimeException e) {
            Log.debugf("Removing instance %s failed: %s", instanceId, e.getMessage());
        }
    }

    /**
     * Keeps this instance's connections counted (instance liveness is real time, not the service clock) and forgets
     * sessions idle for {@code stream.session-retention}.
     */
    @Scheduled(every = "${stream.instance.heartbeat:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        Instant now = Instant.now();
        return repository.heartbeat(instanceId, now, now.minus(config.instance().staleAfter()))
                .chain(() -> repository.purgeSessions(clock.instant().minus(config.sessionRetention())));
    }

    /** Registers a connection; fails with {@link SessionFullException}; answers the session's clients with it. */
    public Uni<Integer> join(String connectionId, String sessionId, String userId) {
        Instant now = Instant.now();
        return repository.join(connectionId, sessionId, instanceId, userId, now,
                now.minus(config.instance().staleAfter()), config.maxClientsPerSession())
                .map(count -> {
                    if (count < 0) {
                        throw new SessionFullException(config.maxClientsPerSession());
                    }
                    return count;
                });
    }

    public Uni<Void> leave(String connectionId) {
        return repository.leave(connectionId);
    }

    /** Counts the message and sends it to every client of the session on every instance, the sender included. */
    public Uni<Void> chat(String sessionId, String clientId, String userId, String message) {
        return repository.countChat(sessionId, clock.instant()).chain(() -> events.publish(new MediaSessionEvent(
                MediaSessionEvent.CURRENT_VERSION, MediaSessionEvent.CHAT, sessionId, clientId, userId, null,
                message, null, null, null, null, WireTime.now(clock))));
    }

    /** The session across the cluster, or null if it never had a connection. */
    public Uni<SessionStatus> status(String sessionId) {
        return repository.status(sessionId, Instant.now().minus(config.instance().staleAfter()));
    }

    /** Closes every connection of the session on every instance; answers how many were live. */
    public Uni<Integer> disconnect(String sessionId) {
        return status(sessionId).chain(status -> events.publish(new MediaSessionEvent(
                MediaSessionEvent.CURRENT_VERSION, MediaSessionEvent.DISCONNECT, sessionId, null, null, null, null,
                null, null, List.of(), "disconnected by an operator", WireTime.now(clock)))
                .replaceWith(status == null ? 0 : status.connections()));
    }
}
