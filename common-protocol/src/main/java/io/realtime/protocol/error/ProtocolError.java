package io.realtime.protocol.error;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A typed failure that an endpoint turns into its own protocol's error frame.
 *
 * @param code the machine-readable code
 * @param message the human text, safe to show to a user (never carries secrets or stack traces)
 */
@RegisterForReflection
public record ProtocolError(ErrorCode code, String message) {

    public static ProtocolError of(ErrorCode code) {
        return new ProtocolError(code, code.defaultMessage());
    }

    public static ProtocolError of(ErrorCode code, String message) {
        return new ProtocolError(code, message);
    }
}
