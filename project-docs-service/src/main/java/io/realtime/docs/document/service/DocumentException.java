package io.realtime.docs.document.service;

/** A document request refused, with the reason the REST answer's status and {@code code} come from. */
public class DocumentException extends RuntimeException {

    public enum Reason {
        /** Unknown project or document, or the caller is not a member (the same answer: ids reveal nothing). */
        NOT_FOUND,
        /** No file, an empty file, a bad file name. */
        INVALID,
        TOO_LARGE,
        UNSUPPORTED_TYPE
    }

    private final Reason reason;

    public DocumentException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
