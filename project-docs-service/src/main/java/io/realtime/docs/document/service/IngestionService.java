package io.realtime.docs.document.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.realtime.docs.config.DocumentsConfig;
import io.realtime.docs.document.domain.ExtractedPage;
import io.realtime.docs.document.domain.IngestionFailure;
import io.realtime.docs.document.domain.TextChunk;
import io.realtime.docs.document.messaging.DocumentEvents;
import io.realtime.docs.document.repository.ChunkRepository;
import io.realtime.docs.document.repository.DocumentRepository;
import io.realtime.docs.document.repository.IngestionQueue;
import io.realtime.docs.document.repository.IngestionQueue.Claim;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Ingestion off the request threads, restart-safe. A claim pass (after each upload, when a worker frees up, at
 * start-up and every {@code poll-interval}) claims as many {@code processing} documents without a live claim as this
 * instance has free workers ({@link IngestionQueue}: {@code FOR UPDATE SKIP LOCKED}, a lease); each is then
 * processed on an ingestion thread: text per page, chunks with overlap, embeddings in-process, chunks and vectors
 * stored, {@code completed}. Every step renews the lease and writes its {@code document_status} event to the outbox
 * with the row's progress, in one transaction. A crash leaves the document {@code processing} with a lease that
 * expires, and the next claim pass of any instance takes it over; past {@code max-attempts} claims it fails.
 */
@ApplicationScoped
public class IngestionService {

    static final String GAVE_UP = "Processing was interrupted %d times; giving up on this document";

    /** Steps of the progress the client sees (a handful, not one per chunk). */
    static final int CLAIMED = 5;
    static final int EXTRACTED = 25;
    static final int CHUNKED = 35;
    static final int EMBEDDED = 90;

    /** The document was deleted, or another instance took it over: stop without a word. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super(null, null, false, false);
        }
    }

    private final IngestionQueue queue;
    private final DocumentRepository documents;
    private final ChunkRepository chunks;
    private final DocumentEvents events;
    private final Embeddings embeddings;
    private final DocumentsConfig config;
    private final Chunker chunker;
    private final String owner = "instance-" + UUID.randomUUID();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final ExecutorService claims = Executors.newSingleThreadExecutor(threads("docs-ingestion-claims"));
    private final ExecutorService workers;

    public IngestionService(IngestionQueue queue, DocumentRepository documents, ChunkRepository chunks,
            DocumentEvents events, Embeddings embeddings, DocumentsConfig config) {
        this.queue = queue;
        this.documents = documents;
        this.chunks = chunks;
        this.events = events;
        this.embeddings = embeddings;
        this.config = config;
        this.chunker = new Chunker(config.chunking().size(), config.chunking().overlap());
        this.workers = Executors.newFixedThreadPool(config.ingestion().workers(), threads("docs-ingestion"));
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        vertx.setPeriodic(config.ingestion().pollInterval().toMillis(), id -> wake());
        wake();
    }

    void stop(@Observes ShutdownEvent stopping) {
        claims.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks for a claim pass (coalesced: one waits at most). Never blocks. */
    public void wake() {
        if (passQueued.compareAndSet(false, true)) {
            try {
                claims.execute(this::claimPass);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                passQueued.set(false);
            }
        }
    }

    /** This instance's claim owner (its claimed_by). */
    public String owner() {
        return owner;
    }

    private void claimPass() {
        passQueued.set(false);
        int free = config.ingestion().workers() - busy.get();
        if (free <= 0) {
            return;
        }
        List<Claim> claimed;
        try {
            claimed = queue.claim(owner, config.ingestion().lease(), free).await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            Log.warnf("Ingestion claim pass failed: %s (next pass retries)", e.getMessage());
            return;
        }
        for (Claim claim : claimed) {
            busy.incrementAndGet();
            workers.execute(() -> {
                try {
                    process(claim);
                } finally {
                    busy.decrementAndGet();
                    wake();
                }
            });
        }
    }

    void process(Claim claim) {
        long start = System.nanoTime();
        int progress = 0;
        Integer pageCount = null;
        try {
            if (claim.attempts() > config.ingestion().maxAttempts()) {
                throw new IngestionFailure(String.format(GAVE_UP, claim.attempts() - 1));
            }
            step(claim, progress = CLAIMED);
            byte[] content = await(queue.file(claim.id()));
            if (content == null) {
                throw new ClaimLost();
            }
            TextExtractor.Extracted extracted = TextExtractor.extract(claim.kind(), content,
                    config.ingestion().maxPages());
            pageCount = extracted.pageCount();
            step(claim, progress = EXTRACTED);
            List<TextChunk> pieces = chunker.chunk(extracted.pages());
            if (pieces.isEmpty()) {
                throw new IngestionFailure(TextExtractor.NO_TEXT);
            }
            step(claim, progress = CHUNKED);
            List<float[]> vectors = embed(claim, pieces);
            progress = EMBEDDED;
            await(chunks.replace(claim.id(), claim.projectId(), pieces, vectors));
            finish(claim, pageCount, pieces.size());
            Log.infof("Document %d ingested: %d pages, %d chunks in %d ms", claim.id(),
                    pageCount == null ? 0 : pageCount, pieces.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (IngestionFailure failure) {
            fail(claim, progress, failure.getMessage(), pageCount);
        } catch (ClaimLost lost) {
            Log.infof("Document %d: claim lost (deleted or taken over); stopped", claim.id());
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "Document %d: ingestion failed unexpectedly; retried after %s", claim.id(),
                    config.ingestion().retryDelay());
            try {
                await(queue.release(claim.id(), owner, config.ingestion().retryDelay()));
            } catch (RuntimeException ignored) {
                // the lease expires by itself
            }
        }
    }

    /** Embeds in batches; progress goes from CHUNKED to EMBEDDED in at most four steps (which renew the lease). */
    private List<float[]> embed(Claim claim, List<TextChunk> pieces) {
        List<float[]> vectors = new ArrayList<>(pieces.size());
        int batch = Math.max(1, config.ingestion().embeddingBatch());
        int reported = CHUNKED;
        for (int from = 0; from < pieces.size(); from += batch) {
            List<String> texts = pieces.subList(from, Math.min(pieces.size(), from + batch)).stream()
                    .map(TextChunk::content).toList();
            vectors.addAll(embeddings.passages(texts));
            int progress = CHUNKED + (EMBEDDED - CHUNKED) * vectors.size() / pieces.size();
            if (progress - reported >= (EMBEDDED - CHUNKED) / 4 && vectors.size() < pieces.size()) {
                step(claim, progress);
                reported = progress;
            }
        }
        step(claim, EMBEDDED);
        return vectors;
    }

    private void step(Claim claim, int progress) {
        Instant until = Instant.now().plus(config.ingestion().lease());
        inTransaction(() -> documents.progress(claim.id(), owner, progress, until).chain(updated -> {
            if (updated == 0) {
                throw new ClaimLost();
            }
            return events.processing(claim.projectId(), claim.id(), claim.attempts(), progress);
        }));
    }

    private void finish(Claim claim, Integer pageCount, int chunkCount) {
        inTransaction(() -> documents.complete(claim.id(), owner, pageCount, chunkCount).chain(updated -> {
            if (updated == 0) {
                throw new ClaimLost();
            }
            return events.completed(claim.projectId(), claim.id(), claim.attempts(), chunkCount);
        }));
    }

    private void fail(Claim claim, int progress, String reason, Integer pageCount) {
        Log.infof("Document %d failed: %s", claim.id(), reason);
        try {
            inTransaction(() -> documents.fail(claim.id(), owner, reason, pageCount).chain(updated -> updated == 0
                    ? Uni.createFrom().voidItem()
                    : events.failed(claim.projectId(), claim.id(), claim.attempts(), progress, reason)));
        } catch (RuntimeException e) {
            Log.warnf("Document %d: failure not recorded (%s); the lease expires and it is retried", claim.id(),
                    e.getMessage());
        }
    }

    /** Runs a Hibernate Reactive transaction from this worker thread (on a fresh Vert.x context) and waits. */
    private static void inTransaction(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            Throwable cause = e;
            while ((cause instanceof java.util.concurrent.CompletionException
                    || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofMinutes(2));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
