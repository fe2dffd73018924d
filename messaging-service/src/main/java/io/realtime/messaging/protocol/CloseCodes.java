package io.realtime.messaging.protocol;

/** Application close codes (4000-4999) sent after a {@code connection:error}. */
public final class CloseCodes {

    public static final int AUTH_FAILED = 4001;
    /** RFC 6455 policy violation: the user already holds the most connections allowed. */
    public static final int TOO_MANY_CONNECTIONS = 1008;

    private CloseCodes() {
    }
}
