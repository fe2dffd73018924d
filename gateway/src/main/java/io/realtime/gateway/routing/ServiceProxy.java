package io.realtime.gateway.routing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.realtime.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
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
 * <p>
 * The request path is normalised once ({@link RequestPath}; 400 when it cannot be), the route is chosen on the
 * normalised path ({@link RouteTable}) and exactly that path, plus the original query string, is sent upstream.
 * Anything else under {@code /services/} answers 404 here; other paths no service owns fall through to the gateway's
 * own routes ({@code /q/health}).
 */
@ApplicationScoped
public class ServiceProxy {

    private record Origin(SocketAddress address, String host, int port) {
    }

    private final GatewayConfig config;
    private final RouteTable routes;
    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private HttpClient client;

    public ServiceProxy(GatewayConfig config) {
        this.config = config;
        this.routes = new RouteTable(config.routes().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().paths())));
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setMaxWebSocketFrameSize(16 * 1024 * 1024),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()).setMaxWaitQueueSize(-1));
        config.routes().forEach((name, route) -> {
            int port = route.url().getPort() > 0 ? route.url().getPort() : 80;
            origins.put(name, new Origin(SocketAddress.inetSocketAddress(port, route.url().getHost()),
                    route.url().getHost(), port));
            // WebSocket upgrades are tunnelled here (tunnelWebSocket): the proxy's own tunnel forwards the raw URI
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(port, route.url().getHost())
                    .addInterceptor(new ForwardingInterceptor(routes));
            proxies.put(name, proxy);
            Log.infof("Gateway routes %s -> %s", route.paths(), route.url());
        });
        router.route().order(-100).handler(this::route);
    }

    private void route(RoutingContext context) {
        HttpServerRequest request = context.request();
        Optional<String> path = RequestPath.normalise(request.path());
        if (path.isEmpty()) {
            end(request, 400);
            return;
        }
        Optional<RouteTable.Match> match = routes.match(path.get());
        if (match.isEmpty()) {
            if (RouteTable.isServicesPath(path.get())) {
                end(request, 404);
            } else {
                context.next();
            }
            return;
        }
        if (match.get().readOnly() && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            request.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            end(request, 405);
            return;
        }
        if (isWebSocketUpgrade(request)) {
            tunnelWebSocket(request, match.get());
        } else {
            proxies.get(match.get().service()).handle(request);
        }
    }

    /** The proxy's WebSocket tunnel, but to the normalised path, with the X-Forwarded-* headers. */
    private void tunnelWebSocket(HttpServerRequest incoming, RouteTable.Match match) {
        incoming.pause();
        Origin origin = origins.get(match.service());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setServer(origin.address())
                .setHost(origin.host()).setPort(origin.port()).setURI(forwardUri(match, incoming));
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                incoming.resume();
                end(incoming, 502);
                return;
            }
            HttpClientRequest upstream = requested.result();
            if (incoming.response().closed()) {
                upstream.connection().close(); // the client gave up while waiting for a connection
                return;
            }
            incoming.headers().forEach(header -> {
                if (header.getKey().equalsIgnoreCase(HttpHeaders.CONNECTION.toString())) {
                    upstream.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
                } else if (!header.getKey().equalsIgnoreCase(HttpHeaders.HOST.toString())) {
                    upstream.headers().add(header.getKey(), header.getValue());
                }
            });
            setForwardedHeaders(upstream.headers(), incoming);
            Future<HttpClientResponse> connected = upstream.connect();
            incoming.handler(upstream::write);
            incoming.endHandler(v -> upstream.end());
            incoming.resume();
            connected.onComplete(answered -> {
                if (answered.failed()) {
                    upstream.connection().close(); // half-way through an upgrade: never back to the pool
                    end(incoming, 502);
                } else if (answered.result().statusCode() != 101) {
                    // the service refused the handshake; this connection was taken for an upgrade and is not
                    // reusable: close it rather than leave it open until the service's idle timeout
                    upstream.connection().close();
                    end(incoming, answered.result().statusCode());
                } else {
                    HttpClientResponse response = answered.result();
                    incoming.response().setStatusCode(101).headers().addAll(response.headers());
                    incoming.toNetSocket().onComplete(accepted -> {
                        NetSocket service = response.netSocket();
                        if (accepted.failed()) {
                            service.close();
                            return;
                        }
                        NetSocket user = accepted.result();
                        user.handler(service::write);
                        service.handler(user::write);
                        user.closeHandler(v -> service.close());
                        service.closeHandler(v -> user.close());
                    });
                }
            });
        });
    }

    /** RFC 6455 4.1: an HTTP/1.1 GET with {@code Upgrade: websocket} and an {@code upgrade} Connection token. */
    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        return request.version() == HttpVersion.HTTP_1_1 && request.method() == HttpMethod.GET
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE)) && connection != null
                && Arrays.stream(connection.split(",")).anyMatch(token -> token.trim().equalsIgnoreCase("upgrade"));
    }

    private static void end(HttpServerRequest request, int status) {
        if (!request.response().ended()) {
            request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
        }
    }

    /** The normalised path the route was chosen on (without /services/name), plus the original query string. */
    private static String forwardUri(RouteTable.Match match, HttpServerRequest incoming) {
        return incoming.query() == null ? match.forwardPath() : match.forwardPath() + "?" + incoming.query();
    }

    private static void setForwardedHeaders(MultiMap headers, HttpServerRequest incoming) {
        headers.set("X-Forwarded-Host", String.valueOf(incoming.authority()))
                .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                .set("X-Forwarded-For", incoming.remoteAddress() == null ? "" : incoming.remoteAddress().host());
    }

    /** Sends the normalised path (ServiceProxy#route chose the service on it) and sets X-Forwarded-*. */
    private record ForwardingInterceptor(RouteTable routes) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            Optional<RouteTable.Match> match = RequestPath.normalise(incoming.path()).flatMap(routes::match);
            if (match.isEmpty()) { // not reached: route() only hands over requests that match
                return Future.succeededFuture(context.request().release().response().setStatusCode(404));
            }
            context.request().setURI(forwardUri(match.get(), incoming));
            setForwardedHeaders(context.request().headers(), incoming);
            return context.sendRequest();
        }
    }
}
