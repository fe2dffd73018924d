package io.realtime.gateway.routing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.vertx.core.net.SocketAddress;

/**
 * One instance of a service: where the gateway connects, and the key that names it in an affinity cookie.
 *
 * @param service     the route's name
 * @param address     where the gateway connects
 * @param host        the instance's host, sent as the request's {@code Host}
 * @param affinityKey a hash of {@code host:port}: the same on every gateway replica whatever the order of the route's
 *                    instances, and it does not tell clients the service's internal addresses
 */
public record Instance(String service, SocketAddress address, String host, int port, String affinityKey) {

    static Instance of(String service, URI url) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException("gateway.routes." + service + ".url: " + url + " has no host");
        }
        int port = url.getPort() > 0 ? url.getPort() : 80;
        return new Instance(service, SocketAddress.inetSocketAddress(port, url.getHost()), url.getHost(), port,
                hash(url.getHost() + ":" + port));
    }

    /** {@code host:port}, as the health check names it. */
    public String label() {
        return host + ":" + port;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
