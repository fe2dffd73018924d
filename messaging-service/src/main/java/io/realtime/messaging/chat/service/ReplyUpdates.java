package io.realtime.messaging.chat.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.quarkus.logging.Log;
import io.realtime.kit.time.Timers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One streamed reply's text, published as cumulative updates without one record per token: the first text at once,
 * then at most one update per {@code interval} carrying everything that came in meanwhile (a timer publishes it if
 * no token follows), each only once the one before it is on the broker. {@link #finish()} hands over the whole text
 * for the complete update after the last of these is published, so updates never overtake it.
 * <p>
 * Publishing, timers and completion run on the reply's own Vert.x context, as its database work and trace need.
 */
final class ReplyUpdates {

    private final Context context;
    private final Timers timers;
    private final Clock clock;
    private final Duration interval;
    private final Function<String, Uni<Void>> publish;

    // guarded by this
    private final StringBuilder text = new StringBuilder();
    private int publishedLength;
    private Instant lastPublished;
    private Timers.Timer timer;
    private boolean publishing;
    private boolean finished;
    private final CompletableFuture<String> settled = new CompletableFuture<>();

    /** @param publish sends one update (the text so far); a failed update is logged, the next one carries it */
    ReplyUpdates(Context context, Timers timers, Clock clock, Duration interval, Function<String, Uni<Void>> publish) {
        this.context = context;
        this.timers = timers;
        this.clock = clock;
        this.interval = interval;
        this.publish = publish;
    }

    void append(String token) {
        synchronized (this) {
            text.append(token);
        }
        publishIfDue();
    }

    /**
     * No more updates: the whole text, once the update in flight (if any) is on the broker. May be called again (a
     * failure after the end); it answers the same way.
     */
    Uni<String> finish() {
        String whole = null;
        synchronized (this) {
            finished = true;
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
            if (!publishing) {
                whole = text.toString();
            }
        }
        if (whole != null) {
            settled.complete(whole);
        }
        return Uni.createFrom().completionStage(settled);
    }

    private void publishIfDue() {
        String update;
        synchronized (this) {
            if (finished || publishing || timer != null || text.length() == publishedLength) {
                return;
            }
            Instant now = clock.instant();
            Duration wait = lastPublished == null ? Duration.ZERO
                    : Duration.between(now, lastPublished.plus(interval));
            if (!wait.isNegative() && !wait.isZero()) {
                timer = timers.schedule(wait, this::onTimer);
                return;
            }
            update = text.toString();
            publishedLength = update.length();
            lastPublished = now;
            publishing = true;
        }
        publish.apply(update).subscribe().with(ignored -> onContext(this::published), failure -> {
            Log.debugf("A stream update was not published (the next one carries its text): %s",
                    failure.getMessage());
            onContext(this::published);
        });
    }

    private void onTimer() {
        synchronized (this) {
            timer = null;
        }
        publishIfDue();
    }

    private void published() {
        String whole;
        synchronized (this) {
            publishing = false;
            whole = finished ? text.toString() : null;
        }
        if (whole != null) {
            settled.complete(whole);
        } else {
            publishIfDue();
        }
    }

    private void onContext(Runnable task) {
        if (context == null || Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }
}
