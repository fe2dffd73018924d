package io.realtime.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.channel.ConnectTimeoutException;
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

/**
 * The gateway's connections to the services' instances, in two pools so that neither kind of traffic can starve the
 * other:
 * <ul>
 * <li>HTTP requests (and the readiness probes) share, per instance, at most {@code max-connections-per-service}
 * keep-alive connections; at most {@code max-waiting-requests-per-service} requests wait for one, each at most
 * {@code connection-wait-timeout} (connecting included). A request that cannot get a connection fails with
 * {@link Saturated}, which the gateway answers 503, while a service that refuses connections fails otherwise (502).
 * <li>Every WebSocket tunnel has a connection of its own, from a second pool that never queues: at most
 * {@code max-tunnels-per-service} per instance, the next handshake fails with {@link Saturated} at once.
 * </ul>
 * A service with several instances gets each new request or tunnel on the next instance in turn, or on the one the
 * caller prefers (the instance holding a session). An instance that refuses the connection, or whose pool is full, is
 * skipped for the next one; an instance the wait timed out on is not, so that a request never waits twice.
 */
@ApplicationScoped
public class Upstreams {

    /** No connection to the service could be had: its pool and wait queue are full, or the wait timed out. */
    public static final class Saturated extends VertxException {

        Saturated(String service, Throwable cause) {
            super("no connection to " + service + ": " + cause.getMessage(), cause, true);
        }
    }

    /** A request on a connection to {@code instance}. */
    record Opened(Instance instance, HttpClientRequest request) {
    }

    /** A service's instances, and whose turn it is. */
    private record Service(List<Instance> instances, AtomicInteger next) {

        /** The instances to try, in order: the preferred one (else the next in turn) first, then the others. */
        List<Instance> order(Optional<Instance> preferred) {
            int size = instances.size();
            int first = preferred.map(instances::indexOf).filter(index -> index >= 0)
                    .orElseGet(() -> Math.floorMod(next.getAndIncrement(), size));
            List<Instance> order = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                order.add(instances.get((first + i) % size));
            }
            return order;
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();
    private final HttpClient requests;
    private final HttpClient tunnels;
    private final long waitTimeoutMillis;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        config.routes().forEach((name, route) -> {
            if (route.instances().isEmpty()) {
                throw new IllegalArgumentException("gateway.routes." + name + ".url names no instance");
            }
            services.put(name, new Service(route.instances().stream().map(url -> Instance.of(name, url)).toList(),
                    new AtomicInteger()));
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
        return services.keySet();
    }

    public List<Instance> instances(String service) {
        return services.get(service).instances();
    }

    /**
     * A request to exactly {@code instance} on a pooled connection, waiting at most {@code connection-wait-timeout}
     * (or {@code options}' own connect timeout, when shorter) for it.
     *
     * @param options method, URI, headers and idle timeout; the server, host and port are the instance's
     */
    public Future<HttpClientRequest> request(Instance instance, RequestOptions options) {
        return open(requests, instance, withWait(options));
    }

    /** A request to one of {@code service}'s instances ({@code preferred} first) on a pooled connection. */
    Future<Opened> request(String service, Optional<Instance> preferred, RequestOptions options) {
        return openAny(requests, services.get(service).order(preferred), 0, withWait(options), null);
    }

    /** A connection of its own to one of {@code service}'s instances for a WebSocket handshake to {@code uri}. */
    Future<Opened> tunnel(String service, Optional<Instance> preferred, String uri) {
        return openAny(tunnels, services.get(service).order(preferred), 0, new RequestOptions()
                .setMethod(HttpMethod.GET).setURI(uri).setConnectTimeout(waitTimeoutMillis), null);
    }

    private RequestOptions withWait(RequestOptions options) {
        long wait = options.getConnectTimeout() > 0 ? Math.min(options.getConnectTimeout(), waitTimeoutMillis)
                : waitTimeoutMillis;
        return options.setConnectTimeout(wait);
    }

    /** Tries {@code order} from {@code attempt} on; when all fail, a {@link Saturated} one among them wins (503). */
    private Future<Opened> openAny(HttpClient client, List<Instance> order, int attempt, RequestOptions options,
            Saturated saturated) {
        Instance instance = order.get(attempt);
        return open(client, instance, new RequestOptions(options))
                .map(request -> new Opened(instance, request))
                .recover(failure -> {
                    Saturated firstSaturated = saturated != null ? saturated
                            : failure instanceof Saturated busy ? busy : null;
                    if (attempt + 1 < order.size() && worthAnotherInstance(failure)) {
                        return openAny(client, order, attempt + 1, options, firstSaturated);
                    }
                    return Future.failedFuture(firstSaturated != null ? firstSaturated : failure);
                });
    }

    /** Failures that come at once: trying the next instance costs the client no second wait. */
    private static boolean worthAnotherInstance(Throwable failure) {
        Throwable cause = failure instanceof Saturated ? failure.getCause() : failure;
        return cause instanceof ConnectionPoolTooBusyException || cause instanceof UnknownHostException
                || cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException);
    }

    private Future<HttpClientRequest> open(HttpClient client, Instance instance, RequestOptions options) {
        options.setServer(instance.address()).setHost(instance.host()).setPort(instance.port());
        return client.request(options).recover(failure -> Future.failedFuture(
                failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException
                        ? new Saturated(instance.service(), failure) : failure));
    }
}
