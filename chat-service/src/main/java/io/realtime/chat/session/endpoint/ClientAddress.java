package io.realtime.chat.session.endpoint;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address for the per-address creation limit. Our gateway runs beside the service and sets
 * {@code X-Forwarded-For} to the address it sees (replacing any the client sent), so the header is believed only
 * when the request comes from a loopback address; from anywhere else the peer address counts.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        String address = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && isLoopback(address)) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64 && last.matches("[0-9A-Fa-f:.]+")) {
                return last;
            }
        }
        return address;
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }
}
