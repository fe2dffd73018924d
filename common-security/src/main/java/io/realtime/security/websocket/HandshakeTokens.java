package io.realtime.security.websocket;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.websockets.next.HandshakeRequest;

/**
 * Where a browser can put a token on a WebSocket handshake:
 * <ul>
 * <li>{@code ?token=JWT} (what the guides' clients do);</li>
 * <li>{@code Sec-WebSocket-Protocol: bearer-token-carrier, JWT} ({@code new WebSocket(url, ["bearer-token-carrier",
 * jwt])}), which keeps the token out of URLs; the server answers with the {@code bearer-token-carrier} subprotocol;</li>
 * <li>{@code Authorization: Bearer JWT} for non-browser clients.</li>
 * </ul>
 */
public final class HandshakeTokens {

    public static final String BEARER_SUBPROTOCOL = "bearer-token-carrier";
    private static final String BEARER_PREFIX = "Bearer ";

    private HandshakeTokens() {
    }

    public static Optional<String> extract(HandshakeRequest request) {
        return fromQuery(request.query())
                .or(() -> fromSubprotocols(request.header(HandshakeRequest.SEC_WEBSOCKET_PROTOCOL)))
                .or(() -> fromAuthorization(request.header("Authorization")));
    }

    static Optional<String> fromQuery(String query) {
        return HandshakeQuery.param(query, "token").map(String::trim);
    }

    static Optional<String> fromSubprotocols(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<String> values = Arrays.stream(header.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        if (!values.contains(BEARER_SUBPROTOCOL)) {
            return Optional.empty();
        }
        return values.stream().filter(v -> !v.equals(BEARER_SUBPROTOCOL)).findFirst();
    }

    static Optional<String> fromAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
