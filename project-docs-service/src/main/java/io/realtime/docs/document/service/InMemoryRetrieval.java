package io.realtime.docs.document.service;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.document.domain.RetrievedChunk;
import io.realtime.docs.document.repository.ChunkRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * {@link Retrieval} by exact cosine search over the project's in-memory {@link VectorIndex} (see
 * {@link ProjectIndexes}): the question is embedded on a worker, scanned against every chunk vector of the project's
 * completed documents on a worker, and the top k chunks' text is read from PostgreSQL.
 * <p>
 * Where PostgreSQL has pgvector, another {@code Retrieval} replaces this one: an {@code embedding vector(384)} column
 * with an HNSW index ({@code vector_cosine_ops}) and {@code order by embedding <=> $query limit k} filtered by
 * project; the index and its Kafka upkeep then go away (ingestion and the events stay as they are).
 */
@ApplicationScoped
public class InMemoryRetrieval implements Retrieval {

    /** At most this many chunks per search, whatever the caller asks. */
    static final int MAX_K = 50;

    private final Embeddings embeddings;
    private final ProjectIndexes indexes;
    private final ChunkRepository chunks;

    public InMemoryRetrieval(Embeddings embeddings, ProjectIndexes indexes, ChunkRepository chunks) {
        this.embeddings = embeddings;
        this.indexes = indexes;
        this.chunks = chunks;
    }

    @Override
    public Uni<List<RetrievedChunk>> search(long projectId, String query, int k) {
        if (k <= 0 || query == null || query.isBlank()) {
            return Uni.createFrom().item(List.of());
        }
        int wanted = Math.min(k, MAX_K);
        Uni<float[]> vector = Uni.createFrom().item(() -> embeddings.query(query))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Uni.combine().all().unis(vector, indexes.of(projectId)).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(both -> both.getItem2().top(both.getItem1(), wanted))
                .chain(hits -> hits.size() == 0 ? Uni.createFrom().item(List.<RetrievedChunk> of())
                        : chunks.found(projectId, hits.chunkIds(), hits.scores()))
                .map(found -> found.stream()
                        .sorted(Comparator.comparingDouble(RetrievedChunk::score).reversed()
                                .thenComparingLong(RetrievedChunk::chunkId))
                        .toList());
    }
}
