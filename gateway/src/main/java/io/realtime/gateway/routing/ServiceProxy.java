package io.realtime.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.realtime.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards each request whose path a service owns to that service: plain HTTP and WebSocket upgrades alike (an
 * upgrade becomes a byte pipe, so frames, subprotocols and close codes pass through untouched).
 * Paths no service owns fall through to the gateway's own routes ({@code /q/health}).
 */
@ApplicationScoped
public class ServiceProxy {

    private final GatewayConfig config;
    private final RouteTable routes;
    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();

    public ServiceProxy(GatewayConfig config) {
        this.config = config;
        this.routes = new RouteTable(config.routes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().paths())));
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setMaxWebSocketFrameSize(16 * 1024 * 1024),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()).setMaxWaitQueueSize(-1));
        config.routes().forEach((name, route) -> {
            int port = route.url().getPort() > 0 ? route.url().getPort() : 80;
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                    .origin(port, route.url().getHost())
                    .addInterceptor(new ForwardingInterceptor(routes));
            proxies.put(name, proxy);
            Log.infof("Gateway routes %s -> %s", route.paths(), route.url());
        });
        router.route().order(-100).handler(this::route);
    }

    private void route(RoutingContext context) {
        HttpServerRequest request = context.request();
        routes.match(request.path()).ifPresentOrElse(match -> proxies.get(match.service()).handle(request),
                context::next);
    }

    /** Sets X-Forwarded-* and rewrites {@code /services/<name>/x} to {@code /x}. */
    private record ForwardingInterceptor(RouteTable routes) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            routes.match(incoming.path())
                    .map(RouteTable.Match::forwardPath)
                    .filter(forwardPath -> !forwardPath.equals(incoming.path()))
                    .ifPresent(forwardPath -> context.request().setURI(
                            incoming.query() == null ? forwardPath : forwardPath + "?" + incoming.query()));
            context.request().headers()
                    .set("X-Forwarded-Host", String.valueOf(incoming.authority()))
                    .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                    .set("X-Forwarded-For", incoming.remoteAddress() == null ? "" : incoming.remoteAddress().host());
            return context.sendRequest();
        }
    }
}
