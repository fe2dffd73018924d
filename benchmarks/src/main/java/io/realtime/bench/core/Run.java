package io.realtime.bench.core;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;

/** What a scenario runs with: its options, the event loops and clients, its meter and the progress line. */
public final class Run implements AutoCloseable {

    private final Options options;
    private final Loops loops;
    private final Clients clients;
    private final Meter meter = new Meter();
    private final Progress progress;
    private final PrintStream out;

    public Run(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.loops = Loops.start(options.integer("loops", Runtime.getRuntime().availableProcessors(), 1, 64));
        this.clients = new Clients(loops);
        this.progress = new Progress(meter, out);
    }

    public Options options() {
        return options;
    }

    public Loops loops() {
        return loops;
    }

    public Clients clients() {
        return clients;
    }

    public Meter meter() {
        return meter;
    }

    public Progress progress() {
        return progress;
    }

    public PrintStream out() {
        return out;
    }

    /** Waits (on the caller's thread, never an event loop) for a future, at most {@code limit}. */
    public <T> T await(Future<T> future, Duration limit) {
        CompletableFuture<T> completion = future.toCompletionStage().toCompletableFuture();
        try {
            return completion.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("gave up after " + limit.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps the caller (the main thread) for a phase of the scenario. */
    public void hold(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        progress.close();
        loops.close();
    }
}
