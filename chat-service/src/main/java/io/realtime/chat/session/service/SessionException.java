package io.realtime.chat.session.service;

/** A rule refused the request; {@link #getMessage()} is the guide's own text, safe to show to the visitor. */
public class SessionException extends RuntimeException {

    /** Which kind of refusal, so each edge (error frame, HTTP status) can say it its own way. */
    public enum Kind {
        /** The request itself is wrong (missing or over-long message, malformed id). */
        INVALID,
        /** The session refuses it: not found, another visitor's, expired, not active. */
        SESSION,
        /** Too many in the window; {@link #retryAfterSeconds()} says when to try again. */
        RATE_LIMITED
    }

    public static final String MESSAGE_REQUIRED = "message is required";
    public static final String NOT_FOUND = "Session not found";
    public static final String VISITOR_MISMATCH = "Visitor ID does not match";
    public static final String EXPIRED = "Session has expired";
    public static final String NOT_ACTIVE = "Session is not active";

    private final Kind kind;
    private final long retryAfterSeconds;

    public SessionException(Kind kind, String message) {
        this(kind, message, 0);
    }

    public SessionException(Kind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static SessionException notFound() {
        return new SessionException(Kind.SESSION, NOT_FOUND);
    }
}
