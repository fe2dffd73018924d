package io.realtime.gateway.routing;

import java.util.List;
import java.util.Optional;

import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The cookie a handshake's answer carries naming the instance that holds the session ({@link Instance#affinityKey}),
 * so that a gateway replica that did not see the handshake still sends the session's requests there, as long as the
 * client sends cookies (browsers do on the same site; Node's socket.io-client does not by default).
 */
final class AffinityCookie {

    private final String name;

    AffinityCookie(String name) {
        this.name = name;
    }

    /** {@code Set-Cookie} for requests under {@code path}; HttpOnly: scripts have no use for it. */
    String setCookie(Instance instance, String path) {
        DefaultCookie cookie = new DefaultCookie(name, instance.affinityKey());
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSameSite(CookieHeaderNames.SameSite.Lax);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    /** The instance among {@code instances} that the request's cookie names, if any. */
    Optional<Instance> instanceIn(HttpServerRequest request, List<Instance> instances) {
        for (String header : request.headers().getAll(HttpHeaders.COOKIE)) {
            for (io.netty.handler.codec.http.cookie.Cookie cookie : ServerCookieDecoder.LAX.decode(header)) {
                if (cookie.name().equals(name)) {
                    return instances.stream().filter(instance -> instance.affinityKey().equals(cookie.value()))
                            .findFirst();
                }
            }
        }
        return Optional.empty();
    }
}
