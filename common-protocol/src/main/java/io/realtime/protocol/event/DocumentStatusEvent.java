package io.realtime.protocol.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A document's processing state changed (topic {@link ProjectEvent#TOPIC}): the guide's {@code document_status}.
 *
 * @param status {@link #PROCESSING}, {@link #COMPLETED} or {@link #FAILED}
 * @param progress 0-100 (100 when completed)
 * @param error why it failed (null unless {@link #FAILED})
 * @param chunkCount the chunks stored (when completed; retrieval indexes load them), else null
 */
@RegisterForReflection
public record DocumentStatusEvent(
        int schemaVersion,
        String eventId,
        long projectId,
        long documentId,
        String status,
        int progress,
        String error,
        Integer chunkCount,
        String occurredAt) implements ProjectEvent {

    public static final int CURRENT_VERSION = 1;
    public static final String KIND = "document_status";

    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
