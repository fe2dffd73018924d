package io.realtime.docs.document.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.kit.outbox.Outbox;
import io.realtime.protocol.event.DocumentStatusEvent;
import io.realtime.protocol.event.ProjectEvent;
import io.realtime.protocol.event.ProjectUpdateEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * The document events (topic {@link ProjectEvent#TOPIC}, keyed by project id so a project's events keep their order),
 * written to the transactional outbox in the transaction of the change they report: every instance then delivers
 * them to the project's room and updates its retrieval index. Call inside a transaction.
 */
@ApplicationScoped
public class DocumentEvents {

    private final Outbox outbox;

    public DocumentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> added(long projectId, long documentId, String filename) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document_id", documentId);
        data.put("filename", filename);
        return update(projectId, ProjectUpdateEvent.DOCUMENT_ADDED, data);
    }

    public Uni<Void> deleted(long projectId, long documentId) {
        return update(projectId, ProjectUpdateEvent.DOCUMENT_DELETED, Map.of("document_id", documentId));
    }

    /** {@code attempt}: 0 for the upload's event, else the claim's attempt number. */
    public Uni<Void> processing(long projectId, long documentId, int attempt, int progress) {
        return status(projectId, documentId, attempt, DocumentStatusEvent.PROCESSING, progress, null, null);
    }

    public Uni<Void> completed(long projectId, long documentId, int attempt, int chunkCount) {
        return status(projectId, documentId, attempt, DocumentStatusEvent.COMPLETED, 100, null, chunkCount);
    }

    public Uni<Void> failed(long projectId, long documentId, int attempt, int progress, String error) {
        return status(projectId, documentId, attempt, DocumentStatusEvent.FAILED, progress, error, null);
    }

    private Uni<Void> status(long projectId, long documentId, int attempt, String status, int progress,
            String error, Integer chunkCount) {
        return publish(new DocumentStatusEvent(DocumentStatusEvent.CURRENT_VERSION, UUID.randomUUID().toString(),
                projectId, documentId, status, progress, error, attempt, chunkCount, WireTime.format(Instant.now())));
    }

    private Uni<Void> update(long projectId, String type, Map<String, Object> data) {
        return publish(new ProjectUpdateEvent(ProjectUpdateEvent.CURRENT_VERSION, UUID.randomUUID().toString(),
                projectId, type, data, WireTime.format(Instant.now())));
    }

    private Uni<Void> publish(ProjectEvent event) {
        return outbox.add(ProjectEvent.TOPIC, Long.toString(event.projectId()), event);
    }
}
