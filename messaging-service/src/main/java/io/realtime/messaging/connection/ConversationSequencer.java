package io.realtime.messaging.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.realtime.kit.time.Timers;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;

/**
 * Releases a conversation's stored messages in their {@code seq} order, on every instance alike, so every participant
 * sees the order history returns. Instances publish after commit, so events of one conversation may reach Kafka out of
 * order; an early one waits for the missing one up to {@code messaging.reorder-timeout}, then the gap is skipped (a
 * late event is still delivered, and history and replay always have it). Events without a seq (stream chunks,
 * typing) pass straight through.
 */
@Singleton
public class ConversationSequencer {

    /** An early event with the delivery that was asked for it (its own trace, its own recipients' frames). */
    private record Waiting(ConversationEvent event, Consumer<ConversationEvent> deliver) {
    }

    /** One conversation's order; every field is guarded by the object's lock. */
    private static final class State {
        long expected = -1;
        final TreeMap<Long, Waiting> waiting = new TreeMap<>();
        Timers.Timer gapTimer;
        /** Which gap timer is current: a timer that fires after being replaced must do nothing. */
        long gapGeneration;
        Instant lastSeen;
        boolean evicted;

        State(Instant now) {
            lastSeen = now;
        }
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
        while (true) {
            State state = conversations.computeIfAbsent(event.conversationId(), id -> new State(clock.instant()));
            synchronized (state) {
                if (state.evicted) {
                    continue; // dropped between the lookup and the lock: take the new state
                }
                accept(state, event, deliver);
                return;
            }
        }
    }

    private void accept(State state, ConversationEvent event, Consumer<ConversationEvent> deliver) {
        state.lastSeen = clock.instant();
        long seq = event.seq();
        if (state.expected < 0 && previousMayStillCome(event)) {
            state.expected = seq - 1;
        }
        if (state.expected < 0 || seq == state.expected) {
            deliver.accept(event);
            state.expected = seq + 1;
            drain(state);
        } else if (seq < state.expected) {
            deliver.accept(event); // late, after its gap was skipped
        } else {
            state.waiting.put(seq, new Waiting(event, deliver));
            if (state.gapTimer == null) {
                long generation = ++state.gapGeneration;
                state.gapTimer = timers.schedule(config.reorderTimeout(), () -> skipGap(state, generation));
            }
        }
    }

    /**
     * The first event of a conversation this instance sees: the one before it may still be on its way if it was
     * stored less than the reorder timeout ago (two instances publish their commits in either order).
     */
    private boolean previousMayStillCome(ConversationEvent event) {
        if (event.previousTimestamp() == null || event.seq() <= 1) {
            return false;
        }
        try {
            Instant previous = WireTime.parse(event.previousTimestamp());
            return previous.plus(config.reorderTimeout()).isAfter(clock.instant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Scheduled(every = "5m", delayed = "5m")
    void evictIdle() {
        evictIdle(IDLE);
    }

    void evictIdle(Duration idle) {
        Instant quietSince = clock.instant().minus(idle);
        conversations.values().removeIf(state -> {
            synchronized (state) {
                state.evicted = state.waiting.isEmpty() && !state.lastSeen.isAfter(quietSince);
                return state.evicted;
            }
        });
    }

    private void skipGap(State state, long generation) {
        synchronized (state) {
            if (generation != state.gapGeneration || state.gapTimer == null) {
                return; // the gap this timer was for has been filled; another timer may own the next one
            }
            state.gapTimer = null;
            if (!state.waiting.isEmpty()) {
                state.expected = state.waiting.firstKey();
                drain(state);
            }
        }
    }

    private void drain(State state) {
        while (!state.waiting.isEmpty() && state.waiting.firstKey() == state.expected) {
            Waiting next = state.waiting.pollFirstEntry().getValue();
            next.deliver().accept(next.event());
            state.expected++;
        }
        if (state.waiting.isEmpty() && state.gapTimer != null) {
            state.gapTimer.cancel();
            state.gapTimer = null;
        }
        if (!state.waiting.isEmpty() && state.gapTimer == null) {
            long generation = ++state.gapGeneration;
            state.gapTimer = timers.schedule(config.reorderTimeout(), () -> skipGap(state, generation));
        }
    }
}
