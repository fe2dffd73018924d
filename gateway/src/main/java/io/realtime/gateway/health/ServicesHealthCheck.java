package io.realtime.gateway.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.realtime.gateway.config.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;

/**
 * Reports each routed service's own readiness in the gateway's health data. The gateway stays ready while a service
 * is down (it answers 502 for that service's paths, as an Ingress would).
 */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final GatewayConfig config;
    private final HttpClient client;

    public ServicesHealthCheck(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, String>>> probes = config.routes().entrySet().stream()
                .map(e -> probe(e.getValue().url()).map(state -> Map.entry(e.getKey(), state)))
                .toList();
        return Uni.join().all(probes).andFailFast()
                .map(states -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
                    states.forEach(state -> builder.withData(state.getKey(), state.getValue()));
                    return builder.build();
                });
    }

    private Uni<String> probe(java.net.URI url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(url.getPort()).setURI("/q/health/ready").setTimeout(TIMEOUT.toMillis());
        return client.request(options)
                .chain(request -> request.send())
                .map(response -> response.statusCode() == 200 ? "UP" : "DOWN")
                .onFailure().recoverWithItem("UNREACHABLE");
    }
}
