package io.realtime.messaging.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.realtime.kit.time.Timers;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.protocol.event.ConversationEvent;

/**
 * Releases a conversation's stored messages in their {@code seq} order, on every instance alike, so every participant
 * sees the order history returns. Instances publish after commit, so events of one conversation may reach Kafka out of
 * order; an early one waits for the missing one up to {@code messaging.reorder-timeout}, then the gap is skipped (a
 * late event is still delivered, and history and replay always have it). Events without a seq (stream chunks,
 * typing) pass straight through.
 */
@ApplicationScoped
public class ConversationSequencer {

    private static final class State {
        long expected = -1;
        final TreeMap<Long, ConversationEvent> waiting = new TreeMap<>();
        Timers.Timer gapTimer;
        Instant lastSeen;
    }

    /** A quiet conversation's state is dropped; its next event simply starts the order again. */
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Map<String, State> conversations = new ConcurrentHashMap<>();
    private final Timers timers;
    private final Clock clock;
    private final MessagingConfig config;

    public ConversationSequencer(Timers timers, Clock clock, MessagingConfig config) {
        this.timers = timers;
        this.clock = clock;
        this.config = config;
    }

    public void accept(ConversationEvent event, Consumer<ConversationEvent> deliver) {
        if (event.seq() == null) {
            deliver.accept(event);
            return;
        }
        State state = conversations.computeIfAbsent(event.conversationId(), id -> new State());
        synchronized (state) {
            state.lastSeen = clock.instant();
            long seq = event.seq();
            if (state.expected < 0 || seq == state.expected) {
                deliver.accept(event);
                state.expected = seq + 1;
                drain(state, deliver);
            } else if (seq < state.expected) {
                deliver.accept(event); // late, after its gap was skipped
            } else {
                state.waiting.put(seq, event);
                if (state.gapTimer == null) {
                    state.gapTimer = timers.schedule(config.reorderTimeout(), () -> skipGap(state, deliver));
                }
            }
        }
    }

    @Scheduled(every = "5m", delayed = "5m")
    void evictIdle() {
        evictIdle(IDLE);
    }

    void evictIdle(Duration idle) {
        Instant quietSince = clock.instant().minus(idle);
        conversations.entrySet().removeIf(entry -> {
            State state = entry.getValue();
            synchronized (state) {
                return state.waiting.isEmpty() && !state.lastSeen.isAfter(quietSince);
            }
        });
    }

    private void skipGap(State state, Consumer<ConversationEvent> deliver) {
        synchronized (state) {
            state.gapTimer = null;
            if (!state.waiting.isEmpty()) {
                state.expected = state.waiting.firstKey();
                drain(state, deliver);
            }
        }
    }

    private void drain(State state, Consumer<ConversationEvent> deliver) {
        while (!state.waiting.isEmpty() && state.waiting.firstKey() == state.expected) {
            deliver.accept(state.waiting.pollFirstEntry().getValue());
            state.expected++;
        }
        if (state.waiting.isEmpty() && state.gapTimer != null) {
            state.gapTimer.cancel();
            state.gapTimer = null;
        }
    }
}
