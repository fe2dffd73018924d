package io.realtime.docs.chat.endpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * One connection's answers, streamed one after the other so that two answers' tokens never interleave: at most
 * {@code maxWaiting} wait behind the one running; {@link #offer} refuses beyond that.
 */
final class AnswerQueue {

    private final int maxWaiting;
    private final Deque<Supplier<Uni<Void>>> waiting = new ArrayDeque<>();
    private boolean running;
    private boolean closed;

    AnswerQueue(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /** Queues {@code answer} (started when the previous one ends); false when too many already wait. */
    boolean offer(Supplier<Uni<Void>> answer) {
        synchronized (this) {
            if (closed) {
                return true;
            }
            if (running && waiting.size() >= maxWaiting) {
                return false;
            }
            waiting.add(answer);
            if (running) {
                return true;
            }
            running = true;
        }
        next();
        return true;
    }

    /** The connection is gone: answers that have not started are dropped. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    private void next() {
        Supplier<Uni<Void>> answer;
        synchronized (this) {
            answer = waiting.poll();
            if (answer == null) {
                running = false;
                return;
            }
        }
        answer.get().subscribe().with(done -> next(), failure -> next());
    }
}
