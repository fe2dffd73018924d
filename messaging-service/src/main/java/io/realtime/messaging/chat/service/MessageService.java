package io.realtime.messaging.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.repository.UserMessageStore;
import io.realtime.messaging.conversation.service.ConversationException;
import io.realtime.messaging.conversation.service.RateLimit;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * {@code message:send}: validated, rate limited (per user, across connections and instances), stored once per
 * {@code messageId}, and published to every participant, in one statement ({@link UserMessageStore}). A per-user
 * advisory lock makes the rate check and the idempotency check exact across instances; the conversation row lock
 * gives each message its place ({@code seq}), and every instance releases a conversation's messages in that order ({@link
 * io.realtime.messaging.connection.ConversationSequencer}), so live order and history agree.
 */
@ApplicationScoped
public class MessageService {

    public record SendCommand(String messageId, String conversationId, String content, String clientTimestamp) {
    }

    /**
     * @param duplicate the message was stored before: acknowledge again, publish nothing
     * @param assistantReplies the conversation includes the assistant
     * @param event what to publish once the caller has acknowledged receipt (null for a duplicate)
     */
    public record Sent(UUID conversationId, boolean duplicate, boolean assistantReplies, ConversationEvent event) {
    }

    private static final int MAX_MESSAGE_ID = 200;

    private final UserMessageStore store;
    private final MessagingConfig config;
    private final Clock clock;

    public MessageService(UserMessageStore store, MessagingConfig config, Clock clock) {
        this.store = store;
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
        Instant now = clock.instant();
        RateLimit limit = new RateLimit(config.rateLimit().messages(), config.rateLimit().window());
        UserMessageStore.NewMessage message = new UserMessageStore.NewMessage(command.messageId(), conversationId,
                userId, command.content(), clientTime, now);
        return store.store(message, limit.limit(), limit.windowStart(now))
                .map(result -> sent(result, message, connectionId, limit));
    }

    private static Sent sent(UserMessageStore.Result result, UserMessageStore.NewMessage message,
            String connectionId, RateLimit limit) {
        return switch (result.outcome()) {
            case STORED -> new Sent(message.conversationId(), false, result.includesAssistant(),
                    new ConversationEvent(ConversationEvent.CURRENT_VERSION, ConversationEvent.MESSAGE,
                            message.conversationId().toString(), result.recipients(), message.senderId(),
                            connectionId, message.messageId(), message.content(), result.seq(), null,
                            WireTime.format(message.now()),
                            result.previousAt() == null ? null : WireTime.format(result.previousAt())));
            case DUPLICATE -> new Sent(message.conversationId(), true, result.includesAssistant(), null);
            case TAKEN -> throw new ConversationException(ErrorCode.VALIDATION_ERROR,
                    "messageId is already used by another message");
            case NOT_FOUND -> throw new ConversationException(ErrorCode.CONVERSATION_NOT_FOUND,
                    "Conversation not found");
            case NOT_PARTICIPANT -> throw new ConversationException(ErrorCode.NOT_PARTICIPANT,
                    "You are not a participant of this conversation");
            case RATE_LIMITED -> throw limit.exceeded(result.limitReachedAt(), message.now());
        };
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
}
