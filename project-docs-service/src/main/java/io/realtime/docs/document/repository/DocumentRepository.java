package io.realtime.docs.document.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.realtime.docs.document.domain.Document;
import io.smallrye.mutiny.Uni;

/**
 * Documents through Hibernate Reactive (the REST requests and the ingestion's state changes, which write their
 * events to the outbox in the same transaction). Every state change of an ingestion is guarded by its claim: an
 * instance that lost its claim (expired, taken over) or whose document was deleted changes nothing.
 */
@ApplicationScoped
@WithSession
public class DocumentRepository implements PanacheRepository<Document> {

    private static final String GUARD = " where id = :id and claimedBy = :owner and status = 'processing'";

    public Uni<List<Document>> ofProject(long projectId) {
        return list("projectId", Sort.by("id"), projectId);
    }

    public Uni<Document> inProject(long projectId, long documentId) {
        return find("id = ?1 and projectId = ?2", documentId, projectId).firstResult();
    }

    /** Stores the uploaded bytes beside the (already persisted) row, in the current transaction. */
    public Uni<Void> storeFile(long documentId, byte[] content) {
        return getSession().chain(session -> session
                .createNativeQuery("insert into document_file (document_id, content) values (?1, ?2)")
                .setParameter(1, documentId).setParameter(2, content).executeUpdate()).replaceWithVoid();
    }

    /** Progress of a claimed document, renewing the claim; 0 when the claim is lost or the document gone. */
    public Uni<Integer> progress(long id, String owner, int progress, Instant claimUntil) {
        return update("progress = :progress, claimExpiresAt = :until, updatedAt = :now" + GUARD,
                Parameters.with("progress", progress).and("until", claimUntil).and("now", Instant.now())
                        .and("id", id).and("owner", owner));
    }

    public Uni<Integer> complete(long id, String owner, Integer pageCount, int chunkCount) {
        return update("status = 'completed', progress = 100, error = null, pageCount = :pages, chunkCount = :chunks,"
                + " claimedBy = null, claimExpiresAt = null, updatedAt = :now" + GUARD,
                Parameters.with("pages", pageCount).and("chunks", chunkCount).and("now", Instant.now())
                        .and("id", id).and("owner", owner));
    }

    public Uni<Integer> fail(long id, String owner, String error, Integer pageCount) {
        return update("status = 'failed', error = :error, pageCount = :pages, claimedBy = null,"
                + " claimExpiresAt = null, updatedAt = :now" + GUARD,
                Parameters.with("error", error).and("pages", pageCount).and("now", Instant.now())
                        .and("id", id).and("owner", owner));
    }
}
