package io.realtime.docs.document.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.document.domain.DocumentKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ingestion's claims on the reactive client: documents left {@code processing} with no claim or an expired one
 * are claimed with {@code FOR UPDATE SKIP LOCKED}, so two instances never claim the same document; a claim is a
 * lease (claimed_by, claim_expires_at) that the worker renews as it goes.
 */
@ApplicationScoped
public class IngestionQueue {

    /** A claimed document: what the worker needs to process it. {@code attempts} counts this claim. */
    public record Claim(long id, long projectId, String filename, DocumentKind kind, int attempts) {
    }

    private static final String CLAIM = """
            update document set claimed_by = $1, claim_expires_at = now() + make_interval(secs => $2),
                   attempts = attempts + 1, updated_at = now()
             where id in (select id from document
                           where status = 'processing' and (claim_expires_at is null or claim_expires_at < now())
                           order by id limit $3 for update skip locked)
            returning id, project_id, filename, kind, attempts""";

    private final Pool pool;

    public IngestionQueue(Pool pool) {
        this.pool = pool;
    }

    /** Claims up to {@code limit} claimable documents, oldest first, for {@code owner} for {@code lease}. */
    public Uni<List<Claim>> claim(String owner, Duration lease, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(owner, lease.toMillis() / 1000.0, limit)).map(rows -> {
            List<Claim> claims = new ArrayList<>();
            rows.forEach(row -> claims.add(new Claim(row.getLong("id"), row.getLong("project_id"),
                    row.getString("filename"), DocumentKind.ofDbName(row.getString("kind")),
                    row.getInteger("attempts"))));
            claims.sort((a, b) -> Long.compare(a.id(), b.id()));
            return claims;
        });
    }

    /** Gives a claim back after an unexpected error: any instance may retry it after {@code delay}. */
    public Uni<Void> release(long id, String owner, Duration delay) {
        return pool.preparedQuery("update document set claimed_by = null,"
                + " claim_expires_at = now() + make_interval(secs => $3)"
                + " where id = $1 and claimed_by = $2 and status = 'processing'")
                .execute(Tuple.of(id, owner, delay.toMillis() / 1000.0)).replaceWithVoid();
    }

    /** The uploaded bytes; null when the document is gone. */
    public Uni<byte[]> file(long documentId) {
        return pool.preparedQuery("select content from document_file where document_id = $1")
                .execute(Tuple.of(documentId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer("content").getBytes());
    }
}
