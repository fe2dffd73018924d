package io.realtime.gateway.routing;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.realtime.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards each request whose path a service owns to that service: plain HTTP ({@link HttpForwarder}) and WebSocket
 * upgrades ({@link WebSocketTunnel}) alike, to one of its instances ({@link SessionAffinity} keeps a Socket.IO
 * session's requests on the instance holding it).
 * <p>
 * The request path is normalised once ({@link RequestPath}; 400 when it cannot be), the route is chosen on the
 * normalised path ({@link RouteTable}) and exactly that path, plus the original query string, is sent upstream.
 * Anything else under {@code /services/} answers 404 here; other paths no service owns fall through to the gateway's
 * own routes ({@code /q/health}).
 */
@ApplicationScoped
public class ServiceProxy {

    private final GatewayConfig config;
    private final RouteTable routes;
    private final SessionAffinity affinity;
    private final HttpForwarder http;
    private final WebSocketTunnel webSockets;

    public ServiceProxy(GatewayConfig config, Upstreams upstreams, SessionAffinity affinity, Vertx vertx) {
        this.config = config;
        this.affinity = affinity;
        this.routes = new RouteTable(config.routes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().paths())));
        this.http = new HttpForwarder(upstreams, vertx, config.expectContinueTimeout().toMillis(),
                config.expectContinueAbove());
        this.webSockets = new WebSocketTunnel(upstreams, new ClientTunnels(config.maxTunnelsPerClient()));
    }

    void register(@Observes Router router) {
        config.routes().forEach((name, route) -> Log.infof("Gateway routes %s -> %s", route.paths(),
                route.instances()));
        router.route().order(-100).handler(this::route);
    }

    private void route(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<String> path = RequestPath.normalise(request.path());
        if (path.isEmpty()) {
            Replies.end(request, 400);
            return;
        }
        Optional<RouteTable.Match> match = routes.match(path.get());
        if (match.isEmpty()) {
            if (RouteTable.isServicesPath(path.get())) {
                Replies.end(request, 404);
            } else {
                context.next();
            }
            return;
        }
        if (match.get().readOnly() && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            Replies.end(request, 405);
            return;
        }
        String uri = request.query() == null ? match.get().forwardPath()
                : match.get().forwardPath() + "?" + request.query();
        Destination destination = affinity.destination(match.get().service(), path.get(), request);
        if (isWebSocketUpgrade(request)) {
            webSockets.open(request, destination, uri);
        } else {
            http.forward(request, destination, uri);
        }
    }

    /** RFC 6455 4.1: an HTTP/1.1 GET with {@code Upgrade: websocket} and an {@code upgrade} Connection token. */
    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        return request.version() == HttpVersion.HTTP_1_1 && request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE)) && connection != null
                && Arrays.stream(connection.split(",")).anyMatch(token -> token.trim().equalsIgnoreCase("upgrade"));
    }
}
