-- Documents uploaded to a project, their bytes, and the chunks retrieval searches.
--
-- Ingestion is restart-safe: the upload stores the row (status 'processing') and its bytes before it is
-- acknowledged; an instance claims a document by setting claimed_by / claim_expires_at (SELECT ... FOR UPDATE SKIP
-- LOCKED, so two instances never claim the same row), renews the claim as it goes, and a claim that expires (its
-- instance crashed) makes the document claimable again. attempts counts claims: past the configured maximum the
-- document fails instead of being retried for ever.
CREATE TABLE document (
    id               BIGSERIAL PRIMARY KEY,
    project_id       BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    filename         TEXT        NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
    kind             TEXT        NOT NULL CHECK (kind IN ('pdf', 'markdown', 'text')),
    content_type     TEXT        NOT NULL,
    size_bytes       BIGINT      NOT NULL CHECK (size_bytes > 0),
    status           TEXT        NOT NULL CHECK (status IN ('processing', 'completed', 'failed')),
    progress         INT         NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    error            TEXT,
    page_count       INT,
    chunk_count      INT,
    uploaded_by      TEXT        NOT NULL,
    claimed_by       TEXT,
    claim_expires_at TIMESTAMPTZ,
    attempts         INT         NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX document_by_project ON document (project_id, id);
-- what the ingestion claim looks at
CREATE INDEX document_processing ON document (id) WHERE status = 'processing';

-- The uploaded bytes, apart from the row so that listing documents never reads them.
CREATE TABLE document_file (
    document_id BIGINT PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE,
    content     BYTEA  NOT NULL
);

-- Chunks of a document's text with their embeddings: 384 float32 values (bge-small-en-v1.5, L2-normalised),
-- little-endian, in a bytea. No pgvector on the embedded server: retrieval ranks them in Java (see the README).
CREATE TABLE document_chunk (
    id          BIGSERIAL PRIMARY KEY,
    document_id BIGINT  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    project_id  BIGINT  NOT NULL,
    seq         INT     NOT NULL,
    page        INT,
    content     TEXT    NOT NULL,
    embedding   BYTEA   NOT NULL,
    UNIQUE (document_id, seq)
);
-- a project's index is loaded by project
CREATE INDEX document_chunk_by_project ON document_chunk (project_id, document_id);
