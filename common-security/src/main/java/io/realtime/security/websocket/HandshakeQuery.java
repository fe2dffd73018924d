package io.realtime.security.websocket;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.quarkus.websockets.next.HandshakeRequest;

/** Query parameters of a WebSocket handshake ({@code ?token=}, {@code ?lastMessageId=}, ...). */
public final class HandshakeQuery {

    private HandshakeQuery() {
    }

    public static Optional<String> param(HandshakeRequest request, String name) {
        return param(request.query(), name);
    }

    /** The URL-decoded value of the first {@code name=value} pair; empty when absent or blank. */
    public static Optional<String> param(String query, String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return value.isBlank() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
