package io.realtime.messaging.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.realtime.messaging.chat.messaging.ConversationEvents;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.domain.Conversation;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.conversation.repository.ConversationRepository;
import io.realtime.messaging.conversation.repository.MessageRepository;
import io.realtime.messaging.conversation.service.ConversationException;
import io.realtime.messaging.conversation.service.ConversationService;
import io.realtime.messaging.conversation.service.RateLimit;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * {@code message:send}: validated, rate limited (per user, across connections and instances), stored once per
 * {@code messageId}, and published to every participant. A per-user advisory lock makes the rate check and the
 * idempotency check exact across instances; the conversation row lock gives each message its place ({@code seq}),
 * and every instance releases a conversation's messages in that order ({@link
 * io.realtime.messaging.connection.ConversationSequencer}), so live order and history agree.
 */
@ApplicationScoped
public class MessageService {

    public record SendCommand(String messageId, String conversationId, String content, String clientTimestamp) {
    }

    /**
     * @param duplicate the message was stored before: acknowledge again, publish nothing
     * @param event what to publish once the caller has acknowledged receipt (null for a duplicate)
     */
    public record Sent(Message message, Conversation conversation, boolean duplicate, ConversationEvent event) {
    }

    private static final int MAX_MESSAGE_ID = 200;

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationService conversationRules;
    private final ConversationEvents events;
    private final MessagingConfig config;
    private final Clock clock;

    public MessageService(ConversationRepository conversations, MessageRepository messages,
            ConversationService conversationRules, ConversationEvents events, MessagingConfig config, Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.conversationRules = conversationRules;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Sent> send(String userId, String connectionId, SendCommand command) {
        UUID conversationId;
        Instant clientTime;
        try {
            conversationId = validate(command);
            clientTime = command.clientTimestamp() == null ? null : WireTime.parse(command.clientTimestamp());
        } catch (ConversationException e) {
            return Uni.createFrom().failure(e);
        } catch (DateTimeParseException e) {
            return Uni.createFrom().failure(new ConversationException(ErrorCode.VALIDATION_ERROR,
                    "timestamp must be an ISO-8601 time"));
        }
        return Panache.withTransaction(() -> conversations.lockUser(userId)
                .chain(() -> messages.findByMessageId(command.messageId()))
                .chain(existing -> {
                    if (existing != null) {
                        if (!existing.senderId.equals(userId)) {
                            return Uni.createFrom().failure(new ConversationException(ErrorCode.VALIDATION_ERROR,
                                    "messageId is already used by another message"));
                        }
                        return conversations.findById(existing.conversationId)
                                .map(conversation -> new Sent(existing, conversation, true, null));
                    }
                    return conversationRules.requireParticipant(conversationId, userId)
                            .call(conversation -> checkRate(userId))
                            .chain(conversation -> store(userId, connectionId, command, conversation, clientTime));
                }));
    }

    private Uni<Sent> store(String userId, String connectionId, SendCommand command, Conversation conversation,
            Instant clientTime) {
        Instant now = clock.instant();
        return conversations.nextSeq(conversation.id).chain(seq -> {
            Message message = new Message();
            message.messageId = command.messageId();
            message.conversationId = conversation.id;
            message.seq = seq;
            message.senderId = userId;
            message.role = Message.ROLE_USER;
            message.content = command.content();
            message.clientTimestamp = clientTime;
            message.createdAt = now;
            return messages.persist(message)
                    .chain(saved -> conversations.participantIds(conversation.id))
                    .map(recipients -> new Sent(message, conversation, false, new ConversationEvent(
                            ConversationEvent.CURRENT_VERSION, ConversationEvent.MESSAGE, conversation.id.toString(),
                            recipients, userId, connectionId, message.messageId, message.content, seq, null,
                            WireTime.format(now))));
        });
    }

    private UUID validate(SendCommand command) {
        if (command.messageId() == null || command.messageId().isBlank()
                || command.messageId().length() > MAX_MESSAGE_ID) {
            throw new ConversationException(ErrorCode.VALIDATION_ERROR, "messageId is required (at most "
                    + MAX_MESSAGE_ID + " characters)");
        }
        if (command.content() == null || command.content().isBlank()) {
            throw new ConversationException(ErrorCode.VALIDATION_ERROR, "Message content is required");
        }
        if (command.content().length() > config.maxContentChars()) {
            throw new ConversationException(ErrorCode.VALIDATION_ERROR,
                    "Message content exceeds " + config.maxContentChars() + " characters");
        }
        try {
            return UUID.fromString(command.conversationId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConversationException(ErrorCode.CONVERSATION_NOT_FOUND, "Conversation not found");
        }
    }

    /** At most N stored messages per rolling window per user. */
    private Uni<Void> checkRate(String userId) {
        Instant now = clock.instant();
        RateLimit limit = new RateLimit(config.rateLimit().messages(), config.rateLimit().window());
        return messages.sentSince(userId, limit.windowStart(now)).invoke(times -> limit.check(times, now))
                .replaceWithVoid();
    }
}
