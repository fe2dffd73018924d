package io.realtime.docs.connection;

import java.time.Instant;

/** Who a connected Socket.IO client is; {@code userId} null for an anonymous client (docs.auth.required=false). */
public record SocketUser(String userId, Instant expiresAt) {

    public static final SocketUser ANONYMOUS = new SocketUser(null, null);
}
