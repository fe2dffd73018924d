package io.realtime.security.websocket;

import java.time.Instant;
import java.util.Set;

import io.realtime.protocol.error.ErrorCode;

/** Outcome of authenticating one WebSocket handshake. */
public sealed interface AuthResult {

    /**
     * @param userId from the {@code user_id} claim, else {@code sub}, else {@code upn}
     * @param expiresAt the token's {@code exp}: the socket it opened is closed then
     */
    record Authenticated(String userId, Set<String> groups, Instant expiresAt) implements AuthResult {
    }

    /**
     * @param code {@link ErrorCode#AUTH_REQUIRED} when no token was sent, else {@link ErrorCode#AUTH_FAILED}
     * @param reason why, for logs and close reasons; never contains the token
     */
    record Rejected(ErrorCode code, String reason) implements AuthResult {
    }
}
