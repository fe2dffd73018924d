package io.realtime.docs.document.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document of a project (V2 migration): what was uploaded and how far its ingestion is. The bytes live in
 * {@code document_file}, the chunks in {@code document_chunk}; the claim columns are the ingestion's lease.
 */
@Entity
@Table(name = "document")
public class Document {

    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public long projectId;

    @Column(nullable = false, columnDefinition = "text")
    public String filename;

    /** {@link DocumentKind#dbName()}. */
    @Column(nullable = false, columnDefinition = "text")
    public String kind;

    @Column(name = "content_type", nullable = false, columnDefinition = "text")
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(nullable = false)
    public int progress;

    @Column(columnDefinition = "text")
    public String error;

    @Column(name = "page_count")
    public Integer pageCount;

    @Column(name = "chunk_count")
    public Integer chunkCount;

    @Column(name = "uploaded_by", nullable = false, columnDefinition = "text")
    public String uploadedBy;

    @Column(name = "claimed_by", columnDefinition = "text")
    public String claimedBy;

    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
