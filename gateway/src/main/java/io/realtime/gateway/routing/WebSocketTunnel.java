package io.realtime.gateway.routing;

import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetSocket;

/**
 * Turns a WebSocket handshake into a byte pipe to an instance of the service, so frames, subprotocols and close codes
 * pass through untouched. Each tunnel has a connection of its own ({@link Upstreams#tunnel}): open sockets never hold
 * the connections HTTP requests need.
 * <p>
 * At most {@code max-tunnels-per-client} tunnels per client address (429 beyond) and {@code max-tunnels-per-service}
 * per service instance (503 beyond, once every instance is full). A handshake the service refuses, or that the client
 * abandons before the service has answered, closes its connection to the service at once.
 */
final class WebSocketTunnel {

    private final Upstreams upstreams;
    private final ClientTunnels clients;

    WebSocketTunnel(Upstreams upstreams, ClientTunnels clients) {
        this.upstreams = upstreams;
        this.clients = clients;
    }

    void open(HttpServerRequest incoming, Destination destination, String uri) {
        String client = Headers.clientAddress(incoming);
        if (!clients.tryOpen(client)) {
            Replies.refuse(incoming, 429, "Too many WebSocket connections from this address");
            return;
        }
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable closed = () -> {
            if (counted.getAndSet(false)) {
                clients.close(client);
            }
        };
        incoming.pause();
        upstreams.tunnel(destination.service(), destination.preferred(), uri).onComplete(obtained -> {
            if (obtained.failed()) {
                closed.run();
                incoming.resume();
                if (obtained.cause() instanceof Upstreams.Saturated) {
                    Replies.refuse(incoming, 503, "No more WebSocket connections to this service now");
                } else {
                    Replies.end(incoming, 502);
                }
                return;
            }
            HttpClientRequest upstream = obtained.result().request();
            // failures reach the handshake's future: nothing to add here
            upstream.exceptionHandler(failure -> Log.debugf("Handshake to %s: %s", upstream.getURI(), failure));
            if (incoming.response().closed()) {
                closed.run(); // the client gave up while the gateway was connecting
                upstream.connection().close();
            } else {
                handshake(incoming, upstream, closed);
            }
        });
    }

    private static void handshake(HttpServerRequest incoming, HttpClientRequest upstream, Runnable closed) {
        incoming.headers().forEach(header -> {
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONNECTION.toString())) {
                upstream.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            } else if (!header.getKey().equalsIgnoreCase(HttpHeaders.HOST.toString())) {
                upstream.headers().add(header.getKey(), header.getValue());
            }
        });
        Headers.setForwarded(upstream.headers(), incoming);
        // until the tunnel is up, the client leaving closes the connection instead of waiting for the service
        incoming.response().closeHandler(v -> {
            upstream.connection().close();
            closed.run();
        });
        upstream.connect().onComplete(answered -> {
            if (answered.succeeded() && answered.result().statusCode() == 101 && !incoming.response().closed()) {
                pipe(incoming, answered.result(), closed);
                return;
            }
            // refused, failed or abandoned: this connection was taken for an upgrade and is not reusable
            upstream.connection().close();
            closed.run();
            Replies.end(incoming, answered.succeeded() ? answered.result().statusCode() : 502);
        });
        incoming.resume(); // a handshake has no body: this only lets the request end
    }

    private static void pipe(HttpServerRequest incoming, HttpClientResponse answer, Runnable closed) {
        incoming.response().setStatusCode(101).headers().addAll(answer.headers());
        NetSocket service = answer.netSocket();
        incoming.toNetSocket().onComplete(accepted -> {
            if (accepted.failed()) {
                service.close();
                closed.run();
                return;
            }
            NetSocket user = accepted.result();
            user.closeHandler(v -> {
                service.close();
                closed.run();
            });
            service.closeHandler(v -> {
                user.close();
                closed.run();
            });
            user.pipeTo(service);
            service.pipeTo(user);
        });
    }
}
