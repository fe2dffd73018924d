package io.realtime.docs.document.service;

import java.util.List;

import io.realtime.docs.document.domain.RetrievedChunk;
import io.smallrye.mutiny.Uni;

/**
 * Top-k retrieval within one project: the chunks of the project's completed documents most similar (cosine) to the
 * query, best first. One interface, so that a pgvector store can replace the exact in-memory search where the
 * server has the extension. Never blocks the caller's thread (embedding and search run on workers).
 */
public interface Retrieval {

    Uni<List<RetrievedChunk>> search(long projectId, String query, int k);
}
