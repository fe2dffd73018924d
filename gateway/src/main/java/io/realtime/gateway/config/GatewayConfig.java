package io.realtime.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The routing table: which service owns which of the guides' paths. A path ending in {@code /*} is a prefix, any
 * other is exact, and both must be normalised paths outside {@code /q} and {@code /services}. Each service's health,
 * and nothing else of its {@code /q/} endpoints, is also reachable under {@code /services/<name>/q/health} (and
 * {@code /live}, {@code /ready}, {@code /started}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** Connections the gateway keeps open to each service. */
    @WithDefault("1000")
    int maxConnectionsPerService();

    interface Route {

        /** Base URL of the service, e.g. {@code http://127.0.0.1:8001}. */
        URI url();

        List<String> paths();
    }
}
