package io.realtime.docs.document.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.document.domain.RetrievedChunk;
import io.realtime.docs.document.domain.TextChunk;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Chunks and their vectors on the reactive client (retrieval runs from Socket.IO callbacks, without a Hibernate
 * session). A vector is stored as little-endian float32 values in a bytea. Only chunks of {@code completed}
 * documents are ever read for retrieval: a document being (re)processed may have chunks stored already.
 */
@ApplicationScoped
public class ChunkRepository {

    /** A chunk's vector and whose it is, as the retrieval index holds it. */
    public record StoredVector(long chunkId, long documentId, float[] vector) {
    }

    private static final String PAGE_OF_PROJECT = """
            select c.id, c.document_id, c.embedding from document_chunk c join document d on d.id = c.document_id
             where c.project_id = $1 and d.status = 'completed' and c.id > $2
             order by c.id limit $3""";
    private static final String OF_DOCUMENT = """
            select c.id, c.document_id, c.embedding from document_chunk c join document d on d.id = c.document_id
             where c.document_id = $1 and d.status = 'completed' order by c.id""";
    private static final String FOUND = """
            select c.id, c.document_id, c.page, c.content, d.filename from document_chunk c
              join document d on d.id = c.document_id
             where c.id = any($1) and c.project_id = $2 and d.status = 'completed'""";

    private final Pool pool;

    public ChunkRepository(Pool pool) {
        this.pool = pool;
    }

    /** Replaces a document's chunks (a retried ingestion starts clean) in one transaction. */
    public Uni<Void> replace(long documentId, long projectId, List<TextChunk> chunks, List<float[]> vectors) {
        List<Tuple> rows = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk chunk = chunks.get(i);
            rows.add(Tuple.of(documentId, projectId, chunk.seq(), chunk.page(), chunk.content(),
                    io.vertx.core.buffer.Buffer.buffer(bytes(vectors.get(i)))));
        }
        return pool.withTransaction(connection -> connection
                .preparedQuery("delete from document_chunk where document_id = $1").execute(Tuple.of(documentId))
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery(
                        "insert into document_chunk (document_id, project_id, seq, page, content, embedding)"
                                + " values ($1, $2, $3, $4, $5, $6)")
                        .executeBatch(rows).replaceWithVoid()));
    }

    /** One page (by chunk id, after {@code afterId}) of a project's vectors. */
    public Uni<List<StoredVector>> projectPage(long projectId, long afterId, int limit) {
        return pool.preparedQuery(PAGE_OF_PROJECT).execute(Tuple.of(projectId, afterId, limit)).map(rows -> {
            List<StoredVector> page = new ArrayList<>(rows.size());
            rows.forEach(row -> page.add(vector(row)));
            return page;
        });
    }

    /** A completed document's vectors (empty when it is not completed, or gone). */
    public Uni<List<StoredVector>> ofDocument(long documentId) {
        return pool.preparedQuery(OF_DOCUMENT).execute(Tuple.of(documentId)).map(rows -> {
            List<StoredVector> vectors = new ArrayList<>(rows.size());
            rows.forEach(row -> vectors.add(vector(row)));
            return vectors;
        });
    }

    /** The chunks with these ids (of completed documents of the project), with their scores; in no order. */
    public Uni<List<RetrievedChunk>> found(long projectId, long[] chunkIds, double[] scores) {
        Long[] ids = new Long[chunkIds.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = chunkIds[i];
        }
        return pool.preparedQuery(FOUND).execute(Tuple.of(ids, projectId)).map(rows -> {
            List<RetrievedChunk> found = new ArrayList<>(rows.size());
            rows.forEach(row -> {
                long id = row.getLong("id");
                double score = 0;
                for (int i = 0; i < chunkIds.length; i++) {
                    if (chunkIds[i] == id) {
                        score = scores[i];
                    }
                }
                found.add(new RetrievedChunk(id, row.getLong("document_id"), row.getString("filename"),
                        row.getInteger("page"), row.getString("content"), score));
            });
            return found;
        });
    }

    private static StoredVector vector(Row row) {
        return new StoredVector(row.getLong("id"), row.getLong("document_id"),
                floats(row.getBuffer("embedding").getBytes()));
    }

    public static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
