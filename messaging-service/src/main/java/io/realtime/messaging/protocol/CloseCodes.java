package io.realtime.messaging.protocol;

/** Application close codes (4000-4999) sent after a {@code connection:error}. */
public final class CloseCodes {

    /** RFC 6455: a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int AUTH_FAILED = 4001;

    private CloseCodes() {
    }
}
