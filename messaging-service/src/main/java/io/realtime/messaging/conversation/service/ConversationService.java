package io.realtime.messaging.conversation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.domain.Conversation;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.conversation.domain.Participant;
import io.realtime.messaging.conversation.repository.ConversationRepository;
import io.realtime.messaging.conversation.repository.MessageRepository;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.text.SafeText;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/** Conversations and who is in them; only participants may read or change a conversation. */
@ApplicationScoped
public class ConversationService {

    public record ConversationView(UUID id, String title, boolean includesAssistant, String createdBy,
            Instant createdAt, List<String> participants) {
    }

    public record HistoryPage(List<Message> messages, Long nextCursor) {
    }

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final MessagingConfig config;
    private final Clock clock;

    public ConversationService(ConversationRepository conversations, MessageRepository messages, MessagingConfig config,
            Clock clock) {
        this.config = config;
        this.conversations = conversations;
        this.messages = messages;
        this.clock = clock;
    }

    /** At most {@code messaging.conversation-rate-limit.conversations} per user per rolling window. */
    @WithTransaction
    public Uni<ConversationView> create(String creator, String title, List<String> participants,
            boolean includesAssistant) {
        Instant now = clock.instant();
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.title = validTitle(title);
        conversation.includesAssistant = includesAssistant;
        conversation.createdBy = creator;
        conversation.createdAt = now;
        Set<String> members = new LinkedHashSet<>();
        members.add(creator);
        if (participants != null) {
            participants.stream().filter(p -> p != null && !p.isBlank()).map(String::trim)
                    .forEach(p -> members.add(validUserId(p)));
        }
        if (members.size() > config.maxParticipants()) {
            throw invalid("A conversation holds at most " + config.maxParticipants() + " participants");
        }
        RateLimit limit = new RateLimit(config.conversationRateLimit().conversations(),
                config.conversationRateLimit().window());
        return conversations.lockUser(creator)
                .chain(() -> conversations.createdSince(creator, limit.windowStart(now)))
                .invoke(created -> limit.check(created, now))
                .chain(() -> conversations.persist(conversation))
                .chain(saved -> conversations.getSession().chain(session -> session.persistAll(
                        members.stream().map(user -> Participant.of(saved.id, user, now)).toArray())))
                .replaceWith(() -> view(conversation, List.copyOf(members)));
    }

    /** Newest first; {@code limit} 1-100. */
    @WithSession
    public Uni<List<ConversationView>> listMine(String userId, int offset, int limit) {
        if (offset < 0) {
            throw invalid("offset must not be negative");
        }
        return conversations.listForUser(userId, offset, Math.max(1, Math.min(100, limit))).chain(list -> Uni.join().all(list.stream()
                .map(c -> conversations.participantIds(c.id).map(ids -> view(c, ids))).toList())
                .usingConcurrencyOf(1).andFailFast())
                .onItem().ifNull().continueWith(List.of());
    }

    @WithSession
    public Uni<ConversationView> get(UUID conversationId, String userId) {
        return requireParticipant(conversationId, userId)
                .chain(conversation -> conversations.participantIds(conversationId).map(ids -> view(conversation, ids)));
    }

    /** Only the conversation's creator adds participants, up to {@code messaging.max-participants}. */
    @WithTransaction
    public Uni<ConversationView> addParticipant(UUID conversationId, String actor, String userId) {
        String added = validUserId(userId);
        return requireParticipant(conversationId, actor).invoke(conversation -> requireCreator(conversation, actor,
                "Only the conversation's creator adds participants"))
                .chain(conversation -> conversations.isParticipant(conversationId, added))
                .chain(already -> already ? Uni.createFrom().voidItem()
                        : conversations.participantCount(conversationId).chain(count -> {
                            if (count >= config.maxParticipants()) {
                                throw invalid("A conversation holds at most " + config.maxParticipants()
                                        + " participants");
                            }
                            return conversations.getSession().chain(session -> session.persist(
                                    Participant.of(conversationId, added, clock.instant())));
                        }))
                .chain(() -> get(conversationId, actor));
    }

    /** A participant may leave; only the creator removes someone else. */
    @WithTransaction
    public Uni<Void> removeParticipant(UUID conversationId, String actor, String userId) {
        String removed = validUserId(userId);
        return requireParticipant(conversationId, actor).invoke(conversation -> {
            if (!actor.equals(removed)) {
                requireCreator(conversation, actor, "Only the conversation's creator removes other participants");
            }
        }).chain(conversation -> conversations.getSession()
                .chain(session -> session.find(Participant.class, new Participant.Key(conversationId, removed))
                        .chain(found -> found == null ? Uni.createFrom().voidItem() : session.remove(found))));
    }

    /** Newest first; {@code nextCursor} is passed as {@code before} for the next (older) page. */
    @WithSession
    public Uni<HistoryPage> history(UUID conversationId, String userId, Long before, int limit) {
        int size = Math.max(1, Math.min(100, limit));
        return requireParticipant(conversationId, userId)
                .chain(conversation -> messages.page(conversationId, before, size + 1))
                .map(page -> page.size() > size
                        ? new HistoryPage(page.subList(0, size), page.get(size - 1).seq)
                        : new HistoryPage(page, null));
    }

    /** The conversation, if it exists and {@code userId} is in it; else CONVERSATION_NOT_FOUND / NOT_PARTICIPANT. */
    public Uni<Conversation> requireParticipant(UUID conversationId, String userId) {
        return conversations.findById(conversationId)
                .onItem().ifNull().failWith(() -> new ConversationException(ErrorCode.CONVERSATION_NOT_FOUND,
                        "Conversation not found"))
                .call(conversation -> conversations.isParticipant(conversationId, userId).invoke(member -> {
                    if (!member) {
                        throw new ConversationException(ErrorCode.NOT_PARTICIPANT,
                                "You are not a participant of this conversation");
                    }
                }));
    }

    private static void requireCreator(Conversation conversation, String actor, String refusal) {
        if (!conversation.createdBy.equals(actor)) {
            throw new ConversationException(ErrorCode.ACCESS_DENIED, refusal);
        }
    }

    private String validTitle(String title) {
        if (title != null && (title.length() > config.maxTitleChars() || !SafeText.isSafe(title))) {
            throw invalid("title must be at most " + config.maxTitleChars() + " characters and "
                    + SafeText.RULE);
        }
        return title;
    }

    private static String validUserId(String userId) {
        String id = userId == null ? "" : userId.trim();
        if (!UserIds.isUsable(id)) {
            throw invalid("a user id is 1 to " + UserIds.MAX_LENGTH + " characters, without control characters");
        }
        return id;
    }

    private static ConversationException invalid(String message) {
        return new ConversationException(ErrorCode.VALIDATION_ERROR, message);
    }

    private static ConversationView view(Conversation conversation, List<String> participants) {
        return new ConversationView(conversation.id, conversation.title, conversation.includesAssistant,
                conversation.createdBy, conversation.createdAt, participants);
    }
}
