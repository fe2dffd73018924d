package io.realtime.bench.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * Calls {@code action} for k = 0..count-1 at {@code rate} per second from one event loop's 1 ms timer, passing each
 * call its intended time (start + k/rate): late calls catch up at once, so latencies counted from the intended
 * time include any stall of the generator or the target (no coordinated omission).
 */
public final class FixedRate {

    /** What to do for call k, due at {@code intendedNanos}. */
    public interface Action {
        void call(long k, long intendedNanos);
    }

    private final Run run;
    private final double intervalNanos;
    private final long count;
    private final Action action;

    public FixedRate(Run run, int rate, long count, Action action) {
        this.run = run;
        this.intervalNanos = 1e9 / rate;
        this.count = count;
        this.action = action;
    }

    public Future<Void> start() {
        Promise<Void> done = Promise.promise();
        run.loops().loop(0).runOnContext(v -> {
            long start = System.nanoTime();
            long[] next = {0};
            run.loops().vertx().setPeriodic(1, id -> {
                long now = System.nanoTime();
                while (next[0] < count) {
                    long intended = start + (long) (next[0] * intervalNanos);
                    if (intended > now) {
                        return;
                    }
                    action.call(next[0]++, intended);
                }
                run.loops().vertx().cancelTimer(id);
                done.tryComplete();
            });
        });
        return done.future();
    }
}
