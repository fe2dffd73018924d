package io.realtime.protocol.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A document's processing state changed (topic {@link ProjectEvent#TOPIC}): the guide's {@code document_status}.
 *
 * @param status {@link #PROCESSING}, {@link #COMPLETED} or {@link #FAILED}
 * @param progress 0-100 (100 when completed)
 * @param error why it failed (null unless {@link #FAILED})
 * @param attempt which processing attempt of the document this is (0: the upload's first event, then one per claim);
 *        with the status and progress it orders a document's events: the outbox relays of several instances may
 *        publish them out of order, so a consumer drops an event that is not after the last one it delivered
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
        int attempt,
        Integer chunkCount,
        String occurredAt) implements ProjectEvent {

    public static final int CURRENT_VERSION = 1;
    public static final String KIND = "document_status";

    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    /** Orders one document's events: by attempt, then processing before the end, then progress. */
    public long order() {
        boolean ended = COMPLETED.equals(status) || FAILED.equals(status);
        return ((long) attempt << 16) | (ended ? 1L << 8 : 0L) | Math.max(0, Math.min(progress, 255));
    }
}
