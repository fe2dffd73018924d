package io.realtime.chat.chat.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.realtime.chat.assistant.service.Assistant;
import io.realtime.chat.assistant.service.VisitorDetails;
import io.realtime.chat.config.ChatConfig;
import io.realtime.chat.session.domain.ChatSession;
import io.realtime.chat.session.domain.SessionMessage;
import io.realtime.chat.session.domain.SessionStatus;
import io.realtime.chat.session.repository.MessageRepository;
import io.realtime.chat.session.repository.SessionRepository;
import io.realtime.chat.session.service.Ids;
import io.realtime.chat.session.service.SessionException;
import io.realtime.chat.session.service.SessionService;
import io.realtime.kit.outbox.Outbox;
import io.realtime.kit.vertx.CallerContext;
import io.realtime.protocol.event.ChatSessionCompletedEvent;
import io.realtime.protocol.event.ChatSessionEndedEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A visitor's message and Alex's answer: the message is checked (the guide's order) and stored under the session's
 * row lock with the per-session rate limit; the answer streams as words; then, in one transaction, the answer is
 * stored, the details merged into {@code conversation_data}, and the session completed (with its outbox event) once
 * the sales team has contact details. Also the idle notices and the idle end. The answer does not depend on the
 * connection: a visitor who leaves mid-answer finds it whole in the history.
 */
@ApplicationScoped
public class ChatService {

    public static final String IDLE_WARNING = "G'day! Are you still there? I'm here if you need anything!";
    public static final String IDLE_END = "No worries! I'll end this session for now. Feel free to come back anytime "
            + "if you need help!";

    /** A stored visitor message, ready to be answered. */
    public record Accepted(UUID sessionId, UUID visitorId, UUID messageId, Assistant.Question question) {
    }

    /** A stored answer and the session after it. */
    public record Answered(UUID sessionId, UUID messageId, UUID responseId, Map<String, String> conversationData,
            boolean complete, boolean needsInfo, List<String> suggestions) {
    }

    /** An idle notice stored in the session ({@code responseId}). */
    public record Notice(UUID sessionId, UUID responseId, String text, Map<String, String> conversationData) {
    }

    private final SessionRepository sessions;
    private final MessageRepository messages;
    private final Assistant assistant;
    private final Outbox outbox;
    private final ChatConfig config;
    private final Clock clock;

    public ChatService(SessionRepository sessions, MessageRepository messages, Assistant assistant, Outbox outbox,
            ChatConfig config, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.assistant = assistant;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Checks and stores the visitor's message; fails with {@link SessionException} in the guide's order. */
    @WithSpan("chat accept")
    public Uni<Accepted> accept(String message, String sessionId, String visitorId) {
        if (message == null || message.isBlank()) {
            return Uni.createFrom().failure(new SessionException(SessionException.Kind.INVALID,
                    SessionException.MESSAGE_REQUIRED));
        }
        if (message.length() > config.maxMessageChars()) {
            return Uni.createFrom().failure(new SessionException(SessionException.Kind.INVALID,
                    "message exceeds " + config.maxMessageChars() + " characters"));
        }
        UUID id = Ids.parse(sessionId);
        if (id == null) {
            return Uni.createFrom().failure(SessionException.notFound());
        }
        UUID visitor = Ids.parse(visitorId);
        return Panache.withTransaction(() -> sessions.lock(id).chain(session -> {
            Instant now = clock.instant();
            SessionService.requireUsable(session, visitor, now);
            return checkRate(id, now)
                    .chain(() -> messages.persist(SessionMessage.of(id, SessionMessage.ROLE_USER,
                            SessionMessage.KIND_MESSAGE, message, now)))
                    .chain(stored -> {
                        session.lastActivityAt = now;
                        return messages.recentConversation(id, config.history().modelContextMessages())
                                .map(recent -> new Accepted(id, visitor, stored.id, new Assistant.Question(message,
                                        recent.stream().filter(m -> !m.id.equals(stored.id))
                                                .map(m -> new Assistant.Turn(SessionMessage.ROLE_USER.equals(m.role),
                                                        m.content))
                                                .toList(),
                                        session.orderedData())));
                    });
        }));
    }

    /**
     * Streams the answer, word by word, to {@code onWord} (on the caller's context), then stores it and what it
     * taught us. Fails with {@link Assistant.UnavailableException} when the model cannot answer.
     */
    @WithSpan("chat answer")
    public Uni<Answered> answer(Accepted accepted, Consumer<String> onWord) {
        Context context = Vertx.currentContext();
        StringBuilder text = new StringBuilder();
        return assistant.reply(accepted.question())
                .chain(reply -> reply.words()
                        .emitOn(CallerContext.on(context))
                        .onItem().invoke(word -> {
                            text.append(word);
                            onWord.accept(word);
                        })
                        .collect().last()
                        .chain(() -> reply.insights().apply(text.toString())))
                .chain(insights -> Panache.withTransaction(() -> store(accepted, text.toString(), insights)));
    }

    private Uni<Answered> store(Accepted accepted, String text, Assistant.Insights insights) {
        Instant now = clock.instant();
        return sessions.lock(accepted.sessionId()).chain(session -> {
            SessionMessage answer = SessionMessage.of(session.id, SessionMessage.ROLE_ASSISTANT,
                    SessionMessage.KIND_MESSAGE, text, now);
            Map<String, String> data = new LinkedHashMap<>(session.conversationData);
            data.putAll(insights.details());
            session.conversationData = data;
            boolean contact = VisitorDetails.hasContact(data);
            Uni<Void> completion = Uni.createFrom().voidItem();
            if (contact && session.status() == SessionStatus.ACTIVE) {
                session.status = SessionStatus.COMPLETED.wire();
                session.completedAt = now;
                completion = outbox.add(ChatSessionCompletedEvent.TOPIC, session.id.toString(),
                        new ChatSessionCompletedEvent(ChatSessionCompletedEvent.CURRENT_VERSION,
                                UUID.randomUUID().toString(), session.id.toString(), session.visitorId.toString(),
                                data.get(VisitorDetails.NAME), data.get(VisitorDetails.EMAIL),
                                data.get(VisitorDetails.PHONE), session.orderedData(), WireTime.format(now)));
            }
            return completion.chain(() -> messages.persist(answer))
                    .map(stored -> new Answered(session.id, accepted.messageId(), stored.id, session.orderedData(),
                            session.status() == SessionStatus.COMPLETED, !contact, insights.suggestions()));
        });
    }

    /** Stores the idle warning of an active session; null when the session is no longer active. */
    @WithSpan("chat idle warning")
    public Uni<Notice> idleWarning(UUID sessionId) {
        return Panache.withTransaction(() -> sessions.lock(sessionId).chain(session -> {
            if (!usable(session)) {
                return Uni.createFrom().nullItem();
            }
            return messages.persist(SessionMessage.of(sessionId, SessionMessage.ROLE_ASSISTANT,
                    SessionMessage.KIND_IDLE_WARNING, IDLE_WARNING, clock.instant()))
                    .map(stored -> new Notice(sessionId, stored.id, IDLE_WARNING, session.orderedData()));
        }));
    }

    /** Ends an idle active session (status {@code ended}, event in the outbox); null when it is not active. */
    @WithSpan("chat idle end")
    public Uni<Notice> endIdle(UUID sessionId) {
        return Panache.withTransaction(() -> sessions.lock(sessionId).chain(session -> {
            if (!usable(session)) {
                return Uni.createFrom().nullItem();
            }
            Instant now = clock.instant();
            session.status = SessionStatus.ENDED.wire();
            session.endedAt = now;
            Map<String, String> data = session.orderedData();
            return outbox.add(ChatSessionEndedEvent.TOPIC, sessionId.toString(), new ChatSessionEndedEvent(
                    ChatSessionEndedEvent.CURRENT_VERSION, UUID.randomUUID().toString(), sessionId.toString(),
                    session.visitorId.toString(), ChatSessionEndedEvent.IDLE_TIMEOUT, data, WireTime.format(now)))
                    .chain(() -> messages.persist(SessionMessage.of(sessionId, SessionMessage.ROLE_ASSISTANT,
                            SessionMessage.KIND_SESSION_END, IDLE_END, now)))
                    .map(stored -> new Notice(sessionId, stored.id, IDLE_END, data));
        }));
    }

    private boolean usable(ChatSession session) {
        return session != null && session.statusAt(clock.instant()) == SessionStatus.ACTIVE;
    }

    /** At most N visitor messages per window per session, counted in PostgreSQL under the session's row lock. */
    private Uni<Void> checkRate(UUID sessionId, Instant now) {
        Duration window = config.rateLimit().window();
        int max = config.rateLimit().messages();
        return messages.visitorMessagesSince(sessionId, now.minus(window)).invoke(times -> {
            if (times.size() >= max) {
                long wait = SessionService.secondsUntil(now, times.get(times.size() - max).plus(window));
                throw new SessionException(SessionException.Kind.RATE_LIMITED,
                        "Rate limit exceeded. Try again in " + wait + " seconds", wait);
            }
        }).replaceWithVoid();
    }
}
