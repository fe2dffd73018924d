package io.realtime.messaging.protocol;

/** Application close codes (4000-4999) sent after a {@code connection:error}. */
public final class CloseCodes {

    public static final int AUTH_FAILED = 4001;

    private CloseCodes() {
    }
}
