package io.realtime.chat.session.domain;

/** A session's life: active until the visitor's contact details are complete, it idles out, or it expires. */
public enum SessionStatus {
    ACTIVE("active"), COMPLETED("completed"), ENDED("ended"), EXPIRED("expired");

    private final String wire;

    SessionStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SessionStatus of(String wire) {
        for (SessionStatus status : values()) {
            if (status.wire.equals(wire)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown session status");
    }
}
