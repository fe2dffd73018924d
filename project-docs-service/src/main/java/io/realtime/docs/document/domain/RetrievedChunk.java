package io.realtime.docs.document.domain;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One chunk found for a question: the guide's {@code message_sources} entry is built from it ({@code id} is
 * {@code "chunk_" + chunkId}, {@code metadata{document_id, page, filename}}, {@code score} the cosine similarity).
 * {@code page} is 1-based, null where the format has no pages (Markdown, plain text).
 */
@RegisterForReflection
public record RetrievedChunk(long chunkId, long documentId, String filename, Integer page, String content,
        double score) {
}
