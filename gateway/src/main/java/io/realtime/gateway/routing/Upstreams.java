package io.realtime.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * The gateway's connections to the services, in two pools so that neither kind of traffic can starve the other:
 * <ul>
 * <li>HTTP requests (and the readiness probes) share, per service, at most {@code max-connections-per-service}
 * keep-alive connections; at most {@code max-waiting-requests-per-service} requests wait for one, each at most
 * {@code connection-wait-timeout} (connecting included). A request that cannot get a connection fails with
 * {@link Saturated}, which the gateway answers 503, while a service that refuses connections fails otherwise (502).
 * <li>Every WebSocket tunnel has a connection of its own, from a second pool that never queues: at most
 * {@code max-tunnels-per-service} per service, the next handshake fails with {@link Saturated} at once.
 * </ul>
 */
@ApplicationScoped
public class Upstreams {

    /** No connection to the service could be had: its pool and wait queue are full, or the wait timed out. */
    public static final class Saturated extends VertxException {

        Saturated(String service, Throwable cause) {
            super("no connection to " + service + ": " + cause.getMessage(), cause, true);
        }
    }

    private record Origin(SocketAddress address, String host, int port) {
    }

    private final Map<String, Origin> origins = new LinkedHashMap<>();
    private final HttpClient requests;
    private final HttpClient tunnels;
    private final long waitTimeoutMillis;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        config.routes().forEach((name, route) -> {
            int port = route.url().getPort() > 0 ? route.url().getPort() : 80;
            String host = route.url().getHost();
            origins.put(name, new Origin(SocketAddress.inetSocketAddress(port, host), host, port));
        });
        this.waitTimeoutMillis = config.connectionWaitTimeout().toMillis();
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true);
        this.requests = vertx.createHttpClient(options, new PoolOptions()
                .setHttp1MaxSize(config.maxConnectionsPerService())
                .setMaxWaitQueueSize(config.maxWaitingRequestsPerService()));
        this.tunnels = vertx.createHttpClient(new HttpClientOptions(options), new PoolOptions()
                .setHttp1MaxSize(config.maxTunnelsPerService())
                .setMaxWaitQueueSize(0));
    }

    public Set<String> services() {
        return origins.keySet();
    }

    /**
     * A request to {@code service} on a pooled connection, waiting at most {@code connection-wait-timeout} (or
     * {@code options}' own connect timeout, when shorter) for it.
     *
     * @param options method, URI, headers and idle timeout; the server, host and port are the service's
     */
    public Future<HttpClientRequest> request(String service, RequestOptions options) {
        long wait = options.getConnectTimeout() > 0 ? Math.min(options.getConnectTimeout(), waitTimeoutMillis)
                : waitTimeoutMillis;
        return open(requests, service, options.setConnectTimeout(wait));
    }

    /** A connection of its own to {@code service} for a WebSocket handshake to {@code uri}. */
    public Future<HttpClientRequest> tunnel(String service, String uri) {
        return open(tunnels, service, new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                .setConnectTimeout(waitTimeoutMillis));
    }

    private Future<HttpClientRequest> open(HttpClient client, String service, RequestOptions options) {
        Origin origin = origins.get(service);
        options.setServer(origin.address()).setHost(origin.host()).setPort(origin.port());
        return client.request(options).recover(failure -> Future.failedFuture(
                failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException
                        ? new Saturated(service, failure) : failure));
    }
}
