package io.realtime.docs.document.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.realtime.docs.config.DocumentsConfig;
import io.realtime.docs.document.domain.Document;
import io.realtime.docs.document.domain.DocumentKind;
import io.realtime.docs.document.messaging.DocumentEvents;
import io.realtime.docs.document.repository.DocumentRepository;
import io.realtime.docs.document.service.DocumentException.Reason;
import io.realtime.docs.project.domain.ProjectAccess;
import io.realtime.docs.project.service.ProjectAccessService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * A project's documents: upload (the row, status {@code processing}, and the bytes are stored, with the
 * {@code document_added} and first {@code document_status} events, before the upload is acknowledged; ingestion then
 * runs on a worker), list, get, delete. Only members of the project: to anyone else it does not exist.
 */
@ApplicationScoped
public class DocumentService {

    /** An uploaded file as the HTTP layer received it (stored in a temporary file). */
    public record Upload(String filename, String declaredType, long size, String path) {
    }

    private final ProjectAccessService access;
    private final DocumentRepository documents;
    private final DocumentEvents events;
    private final IngestionService ingestion;
    private final ProjectIndexes indexes;
    private final DocumentsConfig config;
    private final Vertx vertx;

    public DocumentService(ProjectAccessService access, DocumentRepository documents, DocumentEvents events,
            IngestionService ingestion, ProjectIndexes indexes, DocumentsConfig config, Vertx vertx) {
        this.access = access;
        this.documents = documents;
        this.events = events;
        this.ingestion = ingestion;
        this.indexes = indexes;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<Document> upload(long projectId, String userId, Upload upload) {
        return member(projectId, userId).chain(() -> {
            if (upload == null) {
                throw new DocumentException(Reason.INVALID, "A multipart field 'file' with the document is required");
            }
            String filename = cleanName(upload.filename());
            long max = config.upload().maxSize().asLongValue();
            if (upload.size() > max) {
                throw new DocumentException(Reason.TOO_LARGE, "The file is " + upload.size()
                        + " bytes; at most " + max + " bytes are accepted");
            }
            if (upload.size() == 0) {
                throw new DocumentException(Reason.INVALID, "The file is empty");
            }
            DocumentKind kind = DocumentKind.detect(filename, upload.declaredType())
                    .orElseThrow(() -> new DocumentException(Reason.UNSUPPORTED_TYPE,
                            "Unsupported file type: upload PDF (.pdf), Markdown (.md) or plain text (.txt)"));
            return vertx.fileSystem().readFile(upload.path())
                    .chain(buffer -> Panache.withTransaction(() -> store(projectId, userId, filename, kind,
                            buffer.getBytes())));
        }).invoke(document -> {
            Log.infof("Document %d (%s, %d bytes) uploaded to project %d", document.id, document.kind,
                    document.sizeBytes, projectId);
            ingestion.wake();
        });
    }

    private Uni<Document> store(long projectId, String userId, String filename, DocumentKind kind, byte[] bytes) {
        Document document = new Document();
        document.projectId = projectId;
        document.filename = filename;
        document.kind = kind.dbName();
        document.contentType = kind.contentType();
        document.sizeBytes = bytes.length;
        document.status = Document.PROCESSING;
        document.progress = 0;
        document.uploadedBy = userId;
        document.createdAt = Instant.now();
        document.updatedAt = document.createdAt;
        return documents.persistAndFlush(document)
                .chain(() -> documents.storeFile(document.id, bytes))
                .chain(() -> events.added(projectId, document.id, filename))
                .chain(() -> events.processing(projectId, document.id, 0, 0))
                .replaceWith(document);
    }

    public Uni<List<Document>> list(long projectId, String userId) {
        return member(projectId, userId).chain(() -> documents.ofProject(projectId));
    }

    public Uni<Document> get(long projectId, String userId, long documentId) {
        return member(projectId, userId).chain(() -> documents.inProject(projectId, documentId))
                .onItem().ifNull().failWith(() -> notFound(documentId));
    }

    /** Deletes the document, its bytes and chunks; this instance's index drops it at once, others on the event. */
    public Uni<Void> delete(long projectId, String userId, long documentId) {
        return member(projectId, userId)
                .chain(() -> Panache.withTransaction(() -> documents.inProject(projectId, documentId)
                        .onItem().ifNull().failWith(() -> notFound(documentId))
                        .chain(document -> documents.delete(document))
                        .chain(() -> events.deleted(projectId, documentId))))
                .chain(() -> indexes.dropDocument(projectId, documentId))
                .invoke(() -> Log.infof("Document %d deleted from project %d", documentId, projectId));
    }

    private Uni<Void> member(long projectId, String userId) {
        return access.access(projectId, userId).invoke(result -> {
            if (result != ProjectAccess.MEMBER) {
                throw new DocumentException(Reason.NOT_FOUND, "Project " + projectId + " not found");
            }
        }).replaceWithVoid();
    }

    private static DocumentException notFound(long documentId) {
        return new DocumentException(Reason.NOT_FOUND, "Document " + documentId + " not found");
    }

    /** The file's own name (no folders), without control characters, at most 255 characters. */
    static String cleanName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw new DocumentException(Reason.INVALID, "The file needs a name (e.g. report.pdf)");
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
