package io.realtime.gateway.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The headers that cross the gateway: end-to-end ones as they are, hop-by-hop ones (RFC 9110 section 7.6.1, and any
 * the {@code Connection} header names) never; plus the X-Forwarded-* headers telling a service what the client asked.
 */
final class Headers {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "te",
            "trailer", "transfer-encoding", "upgrade", "proxy-authenticate", "proxy-authorization");

    private Headers() {
    }

    /** Copies the end-to-end headers, except {@code Host} and {@code Content-Length}, which the caller sets. */
    static void copyEndToEnd(MultiMap from, MultiMap to) {
        String connection = from.get(HttpHeaders.CONNECTION);
        Set<String> named = connection == null ? Set.of() : Arrays.stream(connection.split(","))
                .map(token -> token.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        from.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !named.contains(name) && !name.equals("host")
                    && !name.equals("content-length")) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    static void setForwarded(MultiMap headers, HttpServerRequest incoming) {
        headers.set("X-Forwarded-Host", String.valueOf(incoming.authority()))
                .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                .set("X-Forwarded-For", clientAddress(incoming));
    }

    /** The address the client's connection comes from (X-Forwarded-For from the client is not trusted). */
    static String clientAddress(HttpServerRequest incoming) {
        return incoming.remoteAddress() == null ? "" : incoming.remoteAddress().host();
    }
}
