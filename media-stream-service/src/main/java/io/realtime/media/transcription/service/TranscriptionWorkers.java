package io.realtime.media.transcription.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.kit.vertx.CallerContext;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.transcription.domain.UnsupportedAudioException;
import io.smallrye.mutiny.Uni;

/**
 * The threads speech recognition runs on, never an event loop: {@code stream.transcription.workers} threads and at
 * most {@code max-waiting} jobs waiting; one more is refused at once ("busy") instead of piling up.
 */
@ApplicationScoped
public class TranscriptionWorkers {

    public static final String BUSY = "Transcription is busy: try again in a moment";

    private final ThreadPoolExecutor executor;

    public TranscriptionWorkers(StreamConfig config) {
        AtomicInteger count = new AtomicInteger();
        int workers = config.transcription().workers();
        this.executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.transcription().maxWaiting()), task -> {
                    Thread thread = new Thread(task, "transcription-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code work} on a worker; its outcome comes back on the caller's Vert.x context. */
    public <T> Uni<T> run(Supplier<T> work) {
        return CallerContext.resume(() -> {
            try {
                return CompletableFuture.supplyAsync(work, executor);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(new UnsupportedAudioException(BUSY));
            }
        });
    }

    /** Runs {@code work} on a worker; the future fails with {@link RejectedExecutionException} when saturated. */
    public CompletableFuture<Void> async(Runnable work) {
        try {
            return CompletableFuture.runAsync(work, executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
