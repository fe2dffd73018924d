package io.realtime.docs.document.domain;

/** A document that cannot be ingested, with the reason its {@code failed} status tells the client. */
public class IngestionFailure extends RuntimeException {

    public IngestionFailure(String reason) {
        super(reason, null, false, false);
    }
}
