package io.realtime.messaging.chat.messaging;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.messaging.config.MessagingConfig;
import io.realtime.protocol.event.ConversationEvent;
import io.vertx.core.Vertx;

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
        long timerId = -1;
        long lastSeenNanos = System.nanoTime();
    }

    /** A quiet conversation's state is dropped; its next event simply starts the order again. */
    private static final long IDLE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);

    private final Map<String, State> conversations = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final MessagingConfig config;

    public ConversationSequencer(Vertx vertx, MessagingConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    public void accept(ConversationEvent event, Consumer<ConversationEvent> deliver) {
        if (event.seq() == null) {
            deliver.accept(event);
            return;
        }
        State state = conversations.computeIfAbsent(event.conversationId(), id -> new State());
        synchronized (state) {
            state.lastSeenNanos = System.nanoTime();
            long seq = event.seq();
            if (state.expected < 0 || seq == state.expected) {
                deliver.accept(event);
                state.expected = seq + 1;
                drain(state, deliver);
            } else if (seq < state.expected) {
                deliver.accept(event); // late, after its gap was skipped
            } else {
                state.waiting.put(seq, event);
                if (state.timerId < 0) {
                    state.timerId = vertx.setTimer(config.reorderTimeout().toMillis(), id -> skipGap(state, deliver));
                }
            }
        }
    }

    @io.quarkus.scheduler.Scheduled(every = "5m", delayed = "5m")
    void evictIdle() {
        evictIdle(IDLE_NANOS);
    }

    void evictIdle(long idleNanos) {
        long now = System.nanoTime();
        conversations.entrySet().removeIf(entry -> {
            State state = entry.getValue();
            synchronized (state) {
                return state.waiting.isEmpty() && now - state.lastSeenNanos >= idleNanos;
            }
        });
    }

    private void skipGap(State state, Consumer<ConversationEvent> deliver) {
        synchronized (state) {
            state.timerId = -1;
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
        if (state.waiting.isEmpty() && state.timerId >= 0) {
            vertx.cancelTimer(state.timerId);
            state.timerId = -1;
        }
    }
}
