package io.realtime.messaging.chat.service;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.conversation.repository.ConversationRepository;
import io.realtime.messaging.conversation.repository.MessageRepository;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * Missed messages for a reconnecting client: everything stored in the user's conversations after the message it saw
 * last ({@code ?lastMessageId=}) or after a time ({@code ?since=} ISO-8601), oldest first.
 */
@ApplicationScoped
public class ReplayService {

    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final MessagingConfig config;

    public ReplayService(MessageRepository messages, ConversationRepository conversations, MessagingConfig config) {
        this.messages = messages;
        this.conversations = conversations;
        this.config = config;
    }

    public Uni<List<Message>> missed(String userId, Optional<String> lastMessageId, Optional<String> since) {
        if (lastMessageId.isEmpty() && since.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> startAfter(userId, lastMessageId, since)
                .chain(afterId -> afterId == null ? Uni.createFrom().item(List.<Message> of())
                        : messages.missedSince(userId, afterId, config.maxReplayMessages())));
    }

    private Uni<Long> startAfter(String userId, Optional<String> lastMessageId, Optional<String> since) {
        if (lastMessageId.isPresent()) {
            return messages.findByMessageId(lastMessageId.get()).chain(seen -> seen == null
                    ? Uni.createFrom().nullItem()
                    : conversations.isParticipant(seen.conversationId, userId).map(member -> member ? seen.id : null));
        }
        try {
            return messages.lastIdAtOrBefore(WireTime.parse(since.get()));
        } catch (DateTimeParseException e) {
            return Uni.createFrom().nullItem();
        }
    }
}
