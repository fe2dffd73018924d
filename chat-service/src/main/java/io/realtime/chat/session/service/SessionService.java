package io.realtime.chat.session.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.realtime.chat.config.ChatConfig;
import io.realtime.chat.session.domain.ChatSession;
import io.realtime.chat.session.domain.SessionMessage;
import io.realtime.chat.session.domain.SessionStatus;
import io.realtime.chat.session.repository.MessageRepository;
import io.realtime.chat.session.repository.SessionRepository;
import io.smallrye.mutiny.Uni;

/** Sessions: creation (limited per client address across instances), look-up, the access rule and the history. */
@ApplicationScoped
public class SessionService {

    /** A page of the history, oldest first. */
    public record HistoryPage(List<SessionMessage> messages, int offset, int limit, boolean hasMore) {
    }

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final ChatConfig config;
    private final Clock clock;

    public SessionService(SessionRepository sessions, MessageRepository messages, ChatConfig config, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A new active session for {@code visitorId} (a returning visitor keeps theirs; null: a new one). At most
     * {@code chat.session-creation.max-per-address} per window per client address, counted under an advisory lock.
     */
    @WithTransaction
    public Uni<ChatSession> create(String address, String visitorId) {
        UUID visitor;
        if (visitorId == null) {
            visitor = UUID.randomUUID();
        } else {
            visitor = Ids.parse(visitorId);
            if (visitor == null) {
                return Uni.createFrom().failure(new SessionException(SessionException.Kind.INVALID,
                        "visitor_id must be a UUID"));
            }
        }
        Instant now = clock.instant();
        Duration window = config.sessionCreation().window();
        int max = config.sessionCreation().maxPerAddress();
        return sessions.lockAddress(address)
                .chain(() -> sessions.createdSince(address, now.minus(window)))
                .chain(times -> {
                    if (times.size() >= max) {
                        Instant oldest = times.get(times.size() - max);
                        return Uni.createFrom().failure(new SessionException(SessionException.Kind.RATE_LIMITED,
                                "Too many sessions created from this address", secondsUntil(now, oldest.plus(window))));
                    }
                    ChatSession session = new ChatSession();
                    session.id = UUID.randomUUID();
                    session.visitorId = visitor;
                    session.status = SessionStatus.ACTIVE.wire();
                    session.conversationData = new HashMap<>();
                    session.createdIp = address;
                    session.createdAt = now;
                    session.lastActivityAt = now;
                    session.expiresAt = now.plus(config.session().lifetime());
                    return sessions.persist(session);
                });
    }

    /** The session if it exists and {@code visitorId} is its visitor's, else null (the caller answers "not found"). */
    @WithSession
    public Uni<ChatSession> findForVisitor(String sessionId, String visitorId) {
        UUID id = Ids.parse(sessionId);
        UUID visitor = Ids.parse(visitorId);
        if (id == null || visitor == null) {
            return Uni.createFrom().nullItem();
        }
        return sessions.findById(id).map(session -> session != null && session.visitorId.equals(visitor)
                ? session : null);
    }

    @WithSession
    public Uni<ChatSession> find(String sessionId) {
        UUID id = Ids.parse(sessionId);
        return id == null ? Uni.createFrom().nullItem() : sessions.findById(id);
    }

    @WithSession
    public Uni<HistoryPage> history(UUID sessionId, Integer offset, Integer limit) {
        int size = limit == null ? config.history().defaultPageSize()
                : Math.max(1, Math.min(limit, config.history().maxPageSize()));
        int from = offset == null ? 0 : Math.max(0, offset);
        // one more than asked: whether there is a next page
        return messages.page(sessionId, from, size + 1).map(found -> new HistoryPage(
                found.subList(0, Math.min(size, found.size())), from, size, found.size() > size));
    }

    /**
     * The guide's checks for a visitor's message, in the guide's order: not found, another visitor's, expired (even
     * if completed or ended), not active.
     */
    public static void requireUsable(ChatSession session, UUID visitorId, Instant now) {
        if (session == null) {
            throw SessionException.notFound();
        }
        if (!session.visitorId.equals(visitorId)) {
            throw new SessionException(SessionException.Kind.SESSION, SessionException.VISITOR_MISMATCH);
        }
        if (!now.isBefore(session.expiresAt) || session.status() == SessionStatus.EXPIRED) {
            throw new SessionException(SessionException.Kind.SESSION, SessionException.EXPIRED);
        }
        if (session.status() != SessionStatus.ACTIVE) {
            throw new SessionException(SessionException.Kind.SESSION, SessionException.NOT_ACTIVE);
        }
    }

    /** Whole seconds from {@code now} until {@code then}, at least 1. */
    public static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, (Duration.between(now, then).toMillis() + 999) / 1000);
    }
}
