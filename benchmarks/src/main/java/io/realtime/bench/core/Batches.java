package io.realtime.bench.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import io.vertx.core.Future;

/**
 * Starts {@code count} asynchronous steps (connects, REST set-up) with at most {@code parallel} in flight, from the
 * calling thread (never an event loop: it waits for permits), and returns their results in index order.
 */
public final class Batches {

    private Batches() {
    }

    public static <T> List<T> run(int count, int parallel, Duration limit, LongAdder done,
            IntFunction<Future<T>> step) {
        Semaphore permits = new Semaphore(parallel);
        Object[] results = new Object[count];
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            for (int i = 0; i < count && failures.isEmpty(); i++) {
                acquire(permits, 1, deadline);
                int index = i;
                step.apply(index).onComplete(result -> {
                    if (result.succeeded()) {
                        results[index] = result.result();
                        done.increment();
                    } else {
                        failures.add(result.cause());
                    }
                    permits.release();
                });
            }
            acquire(permits, parallel, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " failed, first: " + failures.get(0).getMessage(),
                    failures.get(0));
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) List.of(results);
        return list;
    }

    private static void acquire(Semaphore permits, int n, long deadline) throws InterruptedException {
        if (!permits.tryAcquire(n, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("set-up did not finish in time");
        }
    }
}
