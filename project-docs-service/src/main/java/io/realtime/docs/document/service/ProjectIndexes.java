package io.realtime.docs.document.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtime.docs.config.DocumentsConfig;
import io.realtime.docs.document.repository.ChunkRepository;
import io.realtime.docs.document.repository.ChunkRepository.StoredVector;
import io.realtime.protocol.event.DocumentStatusEvent;
import io.realtime.protocol.event.ProjectEvent;
import io.realtime.protocol.event.ProjectUpdateEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * This instance's in-memory {@link VectorIndex} per project: loaded from PostgreSQL on the project's first search,
 * kept current by the project events every instance consumes (a completed document's chunks are added, a deleted
 * document's dropped), and bounded: beyond {@code docs.documents.index.max-vectors} in all, the least recently
 * searched projects are dropped (loaded again on their next search).
 * <p>
 * Changes to one project are applied one after the other, after its load: an event that arrives while the project
 * is loading waits for the load and then applies (adding is idempotent: a document already loaded is not added
 * twice), so a load and an event can never lose a document between them.
 */
@ApplicationScoped
public class ProjectIndexes {

    private static final int LOAD_PAGE = 2_000;

    /**
     * A project's index: {@code current} once loaded; {@code tail} completes when the last queued change (the load
     * first) is done. CompletableFuture chains release a stage once it completes, so old indexes are not retained.
     */
    private static final class Entry {
        final long projectId;
        volatile VectorIndex current;
        CompletableFuture<VectorIndex> tail;

        Entry(long projectId) {
            this.projectId = projectId;
        }
    }

    private final ChunkRepository chunks;
    private final int maxVectors;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    public ProjectIndexes(ChunkRepository chunks, DocumentsConfig config) {
        this.chunks = chunks;
        this.maxVectors = config.index().maxVectors();
    }

    /** The project's index, loading it first if this instance has none (searches do not wait for changes). */
    public Uni<VectorIndex> of(long projectId) {
        CompletableFuture<VectorIndex> loading;
        synchronized (this) {
            Entry entry = entries.get(projectId);
            if (entry != null && entry.current != null) {
                return Uni.createFrom().item(entry.current);
            }
            if (entry == null) {
                Entry created = new Entry(projectId);
                entries.put(projectId, created);
                created.tail = load(projectId).subscribeAsCompletionStage()
                        .whenComplete((index, failure) -> done(created, index, failure));
                entry = created;
            }
            loading = entry.tail;
        }
        return Uni.createFrom().completionStage(loading);
    }

    /** Applies a project event to the project's index, if this instance holds one. Never fails. */
    public Uni<Void> apply(ProjectEvent event) {
        if (event instanceof DocumentStatusEvent status && DocumentStatusEvent.COMPLETED.equals(status.status())) {
            return change(event.projectId(), index -> index.contains(status.documentId())
                    ? Uni.createFrom().item(index)
                    : chunks.ofDocument(status.documentId()).map(index::with));
        }
        if (event instanceof ProjectUpdateEvent update
                && ProjectUpdateEvent.DOCUMENT_DELETED.equals(update.type())
                && update.data().get("document_id") instanceof Number documentId) {
            return dropDocument(event.projectId(), documentId.longValue());
        }
        return Uni.createFrom().voidItem();
    }

    /** Drops a deleted document's chunks from the project's index, if this instance holds one. */
    public Uni<Void> dropDocument(long projectId, long documentId) {
        return change(projectId, index -> Uni.createFrom().item(index.without(documentId)));
    }

    /** Total vectors held (all projects). */
    public synchronized int size() {
        int total = 0;
        for (Entry entry : entries.values()) {
            total += entry.current == null ? 0 : entry.current.size();
        }
        return total;
    }

    /** Whether this instance holds the project's index. */
    public synchronized boolean holds(long projectId) {
        return entries.containsKey(projectId);
    }

    private Uni<Void> change(long projectId, Function<VectorIndex, Uni<VectorIndex>> step) {
        CompletableFuture<VectorIndex> next;
        synchronized (this) {
            Entry entry = entries.get(projectId);
            if (entry == null) {
                return Uni.createFrom().voidItem();
            }
            next = entry.tail.handle((index, failure) -> failure == null ? index : entry.current)
                    .thenCompose(index -> index == null ? CompletableFuture.<VectorIndex> completedFuture(null)
                            : step.apply(index).subscribeAsCompletionStage())
                    .whenComplete((index, failure) -> done(entry, index, failure));
            entry.tail = next;
        }
        return Uni.createFrom().completionStage(next).replaceWithVoid().onFailure().recoverWithNull();
    }

    private void done(Entry entry, VectorIndex index, Throwable failure) {
        if (failure != null) {
            forget(entry, failure);
        } else {
            settled(entry, index);
        }
    }

    private synchronized void settled(Entry entry, VectorIndex index) {
        if (index == null) {
            return;
        }
        if (entries.get(entry.projectId) != entry) {
            return; // evicted or forgotten meanwhile
        }
        entry.current = index;
        evict(entry);
    }

    /** A failed load or change: the project is dropped and loaded again on its next search. */
    private synchronized void forget(Entry entry, Throwable failure) {
        Log.warnf("Retrieval index of project %d dropped: %s", entry.projectId, failure.getMessage());
        entries.remove(entry.projectId, entry);
    }

    private void evict(Entry keep) {
        int total = 0;
        for (Entry entry : entries.values()) {
            total += entry.current == null ? 0 : entry.current.size();
        }
        Iterator<Map.Entry<Long, Entry>> eldestFirst = entries.entrySet().iterator();
        while (total > maxVectors && eldestFirst.hasNext()) {
            Entry entry = eldestFirst.next().getValue();
            if (entry == keep || entry.current == null) {
                continue;
            }
            total -= entry.current.size();
            eldestFirst.remove();
            Log.debugf("Retrieval index of project %d evicted (%d vectors held)", entry.projectId, total);
        }
        if (total > maxVectors) {
            Log.warnf("Project %d alone has %d vectors, over docs.documents.index.max-vectors=%d", keep.projectId,
                    keep.current.size(), maxVectors);
        }
    }

    /** All vectors of the project's completed documents, page by page; the arrays are built on a worker. */
    private Uni<VectorIndex> load(long projectId) {
        long start = System.nanoTime();
        return loadFrom(projectId, 0, new ArrayList<>())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(vectors -> VectorIndex.of(Embeddings.DIMENSIONS, vectors))
                .invoke(index -> Log.debugf("Retrieval index of project %d loaded: %d vectors in %d ms", projectId,
                        index.size(), (System.nanoTime() - start) / 1_000_000));
    }

    private Uni<List<StoredVector>> loadFrom(long projectId, long afterId, List<StoredVector> loaded) {
        return chunks.projectPage(projectId, afterId, LOAD_PAGE).chain(page -> {
            loaded.addAll(page);
            return page.size() < LOAD_PAGE ? Uni.createFrom().item(loaded)
                    : loadFrom(projectId, page.get(page.size() - 1).chunkId(), loaded);
        });
    }
}
