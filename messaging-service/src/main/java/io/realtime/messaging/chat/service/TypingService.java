package io.realtime.messaging.chat.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.realtime.kit.time.Timers;
import io.realtime.messaging.chat.messaging.ConversationEvents;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.repository.ConversationRepository;
import io.realtime.messaging.conversation.service.ConversationException;
import io.realtime.messaging.conversation.service.ConversationService;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * Typing indicators: broadcast to the other participants, at most one update per second per user and conversation
 * (faster ones are dropped), and stopped by the server {@code typing.auto-stop} after the last start.
 */
@ApplicationScoped
public class TypingService {

    private record Key(String userId, String conversationId) {
    }

    /** One start's state: a new object per start, so a timer armed for an older start can never end a newer one. */
    private static final class Typing {
        final Instant lastUpdate;
        volatile Timers.Timer autoStop;

        Typing(Instant lastUpdate) {
            this.lastUpdate = lastUpdate;
        }
    }

    private final Map<Key, Typing> active = new ConcurrentHashMap<>();
    private final ConversationService conversationRules;
    private final ConversationRepository conversations;
    private final ConversationEvents events;
    private final MessagingConfig config;
    private final Clock clock;
    private final Timers timers;

    public TypingService(ConversationService conversationRules, ConversationRepository conversations,
            ConversationEvents events, MessagingConfig config, Clock clock, Timers timers) {
        this.conversationRules = conversationRules;
        this.conversations = conversations;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.timers = timers;
    }

    public Uni<Void> start(String userId, String conversationIdText) {
        Key key = new Key(userId, conversationIdText);
        Instant now = clock.instant();
        Typing typing = active.get(key);
        if (typing != null && now.isBefore(typing.lastUpdate.plus(config.typing().minInterval()))) {
            return Uni.createFrom().voidItem(); // too fast: dropped
        }
        return recipients(userId, conversationIdText).chain(recipients -> {
            active.compute(key, (k, previous) -> {
                if (previous != null && previous.autoStop != null) {
                    previous.autoStop.cancel();
                }
                Typing next = new Typing(now);
                next.autoStop = timers.schedule(config.typing().autoStop(), () -> autoStop(key, next, recipients));
                return next;
            });
            return publish(ConversationEvent.TYPING_START, key, recipients);
        });
    }

    public Uni<Void> stop(String userId, String conversationIdText) {
        Key key = new Key(userId, conversationIdText);
        Typing typing = active.remove(key);
        if (typing == null) {
            return Uni.createFrom().voidItem(); // not typing: nothing to tell
        }
        if (typing.autoStop != null) {
            typing.autoStop.cancel();
        }
        return recipients(userId, conversationIdText)
                .chain(recipients -> publish(ConversationEvent.TYPING_STOP, key, recipients));
    }

    /** The last start is {@code typing.auto-stop} old: stop, unless a newer start or a stop came since. */
    private void autoStop(Key key, Typing typing, List<String> recipients) {
        if (active.remove(key, typing)) {
            publish(ConversationEvent.TYPING_STOP, key, recipients).subscribe().with(ignored -> {
            }, failure -> Log.warnf("typing:stop not published: %s", failure.getMessage()));
        }
    }

    private Uni<List<String>> recipients(String userId, String conversationIdText) {
        UUID conversationId;
        try {
            conversationId = UUID.fromString(conversationIdText);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new ConversationException(ErrorCode.CONVERSATION_NOT_FOUND,
                    "Conversation not found"));
        }
        return Panache.withSession(() -> conversationRules.requireParticipant(conversationId, userId)
                .chain(conversation -> conversations.participantIds(conversationId)));
    }

    private Uni<Void> publish(String kind, Key key, List<String> recipients) {
        return events.publish(new ConversationEvent(ConversationEvent.CURRENT_VERSION, kind, key.conversationId(),
                recipients, key.userId(), null, null, null, null, null, WireTime.now(clock)));
    }
}
