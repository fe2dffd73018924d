package io.realtime.docs.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Documents: upload limits, ingestion, chunking and the retrieval index ({@code docs.documents.*}). */
@ConfigMapping(prefix = "docs.documents")
public interface DocumentsConfig {

    Upload upload();

    Ingestion ingestion();

    Chunking chunking();

    Index index();

    interface Upload {

        /**
         * Largest file accepted (413 beyond). {@code quarkus.http.limits.max-body-size} must stay above it (plus the
         * multipart envelope), else the HTTP server refuses the body first, with a 413 without JSON body.
         */
        @WithDefault("20M")
        MemorySize maxSize();
    }

    interface Ingestion {

        /** Documents processed at the same time by this instance (text extraction and embedding are CPU-bound). */
        @WithDefault("1")
        int workers();

        /** How long a claim on a document lasts without renewal; after it another instance may take it over. */
        @WithDefault("2m")
        Duration lease();

        /** How often this instance looks for unclaimed documents and expired claims (also done at start-up). */
        @WithDefault("10s")
        Duration pollInterval();

        /** After an unexpected error (not a bad file: a database or model failure), the document waits this long. */
        @WithDefault("30s")
        Duration retryDelay();

        /** Claims of one document before it fails ("interrupted repeatedly") instead of being tried again. */
        @WithDefault("3")
        int maxAttempts();

        /** PDFs with more pages fail (the limit keeps one upload from holding a worker for hours). */
        @WithDefault("2000")
        int maxPages();

        /** Chunks embedded per model call. */
        @WithDefault("16")
        int embeddingBatch();
    }

    interface Chunking {

        /** Target chunk length in characters (cut on paragraph, then sentence, then word boundaries). */
        @WithDefault("800")
        int size();

        /** Characters of the previous chunk's end repeated at the start of the next. */
        @WithDefault("150")
        int overlap();
    }

    interface Index {

        /**
         * Vectors kept in memory over all projects (384 floats each, 1.5 kB): beyond, the least recently searched
         * projects are dropped (and loaded again from PostgreSQL on their next search).
         */
        @WithDefault("200000")
        int maxVectors();
    }
}
