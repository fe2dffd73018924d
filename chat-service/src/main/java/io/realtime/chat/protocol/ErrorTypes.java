package io.realtime.chat.protocol;

/** The closed set of {@code metadata.error_type} values of {@code error} frames (also the metrics' error codes). */
public final class ErrorTypes {

    /** The frame itself is wrong: not JSON, unknown type, missing or over-long message, binary, bad characters. */
    public static final String VALIDATION = "validation_error";
    /** The frame is fine but the session refuses it: not found, another visitor's, expired, not active. */
    public static final String PROCESSING = "processing_error";
    /** Too many messages in the session's window. */
    public static final String RATE_LIMITED = "rate_limited";
    /** The model failed, timed out or is saturated; the visitor may ask again. */
    public static final String AI = "ai_error";
    /** Anything unexpected; logged on the server. */
    public static final String INTERNAL = "internal_error";

    private ErrorTypes() {
    }
}
