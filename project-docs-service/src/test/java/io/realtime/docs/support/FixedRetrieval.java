package io.realtime.docs.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.document.domain.RetrievedChunk;
import io.realtime.docs.document.service.Retrieval;
import io.smallrye.mutiny.Uni;

/** TEMPORARY until the document pipeline lands: chunks set by the test, per project. */
@ApplicationScoped
public class FixedRetrieval implements Retrieval {

    private static final Map<Long, List<RetrievedChunk>> CHUNKS = new ConcurrentHashMap<>();

    public static void set(long projectId, List<RetrievedChunk> chunks) {
        CHUNKS.put(projectId, chunks);
    }

    @Override
    public Uni<List<RetrievedChunk>> search(long projectId, String query, int k) {
        return Uni.createFrom().item(CHUNKS.getOrDefault(projectId, List.of()).stream().limit(k).toList());
    }
}
