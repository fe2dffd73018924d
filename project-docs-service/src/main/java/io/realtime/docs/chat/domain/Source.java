package io.realtime.docs.chat.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One entry of the guide's {@code message_sources}: {@code {id: "chunk_123", content, metadata: {document_id, page,
 * filename}, score}}; stored with the assistant's answer in the same form.
 */
@RegisterForReflection
public record Source(String id, String content, Metadata metadata, double score) {

    @RegisterForReflection
    public record Metadata(@JsonProperty("document_id") long documentId, Integer page, String filename) {
    }
}
