package io.realtime.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One-shot timers measured on the service's {@link Clock}: a Vert.x timer fires them in real time, and an
 * {@link AdjustableClock} moved past their due time fires them at once. A task runs at most once, on the Vert.x
 * context that scheduled it (an event loop when scheduled from one); {@link Timer#cancel()} answering true means it
 * will never run.
 */
@ApplicationScoped
public class Timers {

    /** A scheduled task; {@link #cancel()} is safe at any time, also after it fired. */
    public interface Timer {
        /** @return true if the task had not run and now never will */
        boolean cancel();
    }

    private final class Scheduled implements Timer {
        final long id = ids.incrementAndGet();
        final Instant due;
        final Runnable task;
        final Context context;
        volatile long vertxTimerId = -1;

        Scheduled(Instant due, Runnable task, Context context) {
            this.due = due;
            this.task = task;
            this.context = context;
        }

        @Override
        public boolean cancel() {
            if (pending.remove(id) == null) {
                return false;
            }
            vertx.cancelTimer(vertxTimerId);
            return true;
        }

        /** Due by the clock: runs on the scheduling context, unless cancelled or run before it gets there. */
        void fire() {
            if (context != null && Vertx.currentContext() != context) {
                context.runOnContext(ignored -> claimAndRun());
            } else {
                claimAndRun();
            }
        }

        /** The task runs only if this call takes it out of {@code pending}: a true cancel() means it never runs. */
        private void claimAndRun() {
            if (pending.remove(id) == null) {
                return;
            }
            vertx.cancelTimer(vertxTimerId);
            run();
        }

        private void run() {
            try {
                task.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "Timer task failed");
            }
        }
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Scheduled> pending = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Clock clock;

    public Timers(Vertx vertx, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    public Timer schedule(Duration delay, Runnable task) {
        Scheduled scheduled = new Scheduled(clock.instant().plus(delay), task, Vertx.currentContext());
        pending.put(scheduled.id, scheduled);
        scheduled.vertxTimerId = vertx.setTimer(Math.max(1, delay.toMillis()), ignored -> scheduled.fire());
        return scheduled;
    }

    void onClockAdvanced(@Observes ClockAdvanced advanced) {
        pending.values().stream()
                .filter(scheduled -> !scheduled.due.isAfter(advanced.now()))
                .sorted(Comparator.comparing(scheduled -> scheduled.due))
                .forEach(Scheduled::fire);
    }
}
