package io.realtime.assessment.protocol;

/** Application close codes (4000-4999) sent after a connection-level error frame. */
public final class CloseCodes {

    public static final int AUTH_FAILED = 4001;
    public static final int ACCESS_DENIED = 4003;
    public static final int TEST_NOT_FOUND = 4004;
    public static final int REPLACED_BY_NEW_CONNECTION = 4009;

    private CloseCodes() {
    }
}
