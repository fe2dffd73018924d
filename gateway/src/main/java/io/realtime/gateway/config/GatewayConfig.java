package io.realtime.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The routing table, and the limits on the gateway's connections to the services (see {@code Upstreams}).
 * <p>
 * Routes: which service owns which of the guides' paths. A path ending in {@code /*} is a prefix, any
 * other is exact, and both must be normalised paths outside {@code /q} and {@code /services}. Each service's health,
 * and nothing else of its {@code /q/} endpoints, is also reachable under {@code /services/<name>/q/health} (and
 * {@code /live}, {@code /ready}, {@code /started}).
 * <p>
 * A route may name several instances of its service: requests and WebSocket tunnels are spread over them, and an
 * Engine.IO session's requests stay on the instance that opened it ({@code SessionAffinity}). The connection limits
 * below hold for each instance.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /**
     * Connections the gateway keeps open to each service instance for HTTP requests (WebSocket tunnels not included).
     */
    @WithDefault("1000")
    int maxConnectionsPerService();

    /** HTTP requests that may wait for one of those connections; beyond, they are answered 503 at once. */
    @WithDefault("1000")
    int maxWaitingRequestsPerService();

    /** How long an HTTP request may wait for a connection to its service (connecting included) before 503. */
    @WithDefault("5s")
    Duration connectionWaitTimeout();

    /**
     * How long a request body waits for the service's {@code 100 Continue} (the gateway asks for one) before it is
     * sent anyway; 0 sends bodies at once. A service that answers without reading the body (413, 401) and closes
     * its connection then never has body bytes in flight, which would make that answer unreadable.
     */
    @WithDefault("1s")
    Duration expectContinueTimeout();

    /**
     * Bodies up to this many bytes (with a {@code Content-Length}) are sent at once, without asking for
     * {@code 100 Continue}: they fit in the socket buffers, so an early answer stays readable, and small requests
     * (JSON calls, Socket.IO polling posts) never wait for a {@code 100 Continue} their handler may not send.
     */
    @WithDefault("65536")
    long expectContinueAbove();

    /**
     * Open WebSocket tunnels to each service instance, each on its own connection; beyond, handshakes are answered 503
     * (when every instance is full).
     */
    @WithDefault("20000")
    int maxTunnelsPerService();

    /** Open WebSocket tunnels from one client address (all services together); beyond, handshakes get 429. */
    @WithDefault("1000")
    int maxTunnelsPerClient();

    /** How long the readiness check waits for each service instance's answer. */
    @WithDefault("2s")
    Duration healthTimeout();

    SessionAffinity sessionAffinity();

    interface Route {

        /**
         * Base URL of each instance of the service, comma-separated, e.g. {@code http://127.0.0.1:8001} or
         * {@code http://10.0.0.5:8004,http://10.0.0.6:8004}.
         */
        @WithName("url")
        List<URI> instances();

        List<String> paths();
    }

    /** How an Engine.IO (Socket.IO) session's requests find the instance that holds the session. */
    interface SessionAffinity {

        /** A session the gateway has seen no request of for this long is forgotten (longer than ping + timeout). */
        @WithDefault("60s")
        Duration idleTimeout();

        /** Sessions remembered at most; beyond, the least recently used is forgotten. */
        @WithDefault("100000")
        int maxSessions();

        /** The cookie naming the instance that answered a browser's handshake, for gateways that did not see it. */
        @WithDefault("realtime-affinity")
        String cookie();
    }
}
