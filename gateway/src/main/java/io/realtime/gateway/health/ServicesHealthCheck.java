package io.realtime.gateway.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.realtime.gateway.config.GatewayConfig;
import io.realtime.gateway.routing.Instance;
import io.realtime.gateway.routing.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Reports, in the data of the check named {@code services}, each routed service as the gateway's clients see it:
 * each instance's readiness ({@code /q/health/ready}) is asked through the same pooled connections as every HTTP
 * request ({@link Upstreams}), so the state is
 * <ul>
 * <li>{@code UP}: it answers 200; {@code DOWN}: it answers anything else;</li>
 * <li>{@code SATURATED}: the gateway got no connection to it within {@code health-timeout} (its pool and wait
 * queue are full, or connecting takes that long): requests to it are answered 503;</li>
 * <li>{@code UNREACHABLE}: it refuses connections or does not answer within {@code health-timeout} (502).</li>
 * </ul>
 * A service with several instances has each instance's state under {@code <service>@<host>:<port>}, and under
 * {@code <service>} their common state, or {@code DEGRADED} when they differ.
 * <p>
 * The check itself stays UP whatever the services' states, as an Ingress stays ready while a backend is down: the
 * gateway still serves every other service, and taking it out of rotation would not make a saturated service free.
 */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final Upstreams upstreams;

    public ServicesHealthCheck(GatewayConfig config, Upstreams upstreams) {
        this.config = config;
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<Instance, String>>> probes = upstreams.services().stream()
                .flatMap(service -> upstreams.instances(service).stream())
                .map(instance -> probe(instance).map(state -> Map.entry(instance, state)))
                .toList();
        return Uni.join().all(probes).andFailFast()
                .map(states -> {
                    HealthCheckResponseBuilder builder = HealthCheckResponse.named("services").up();
                    Map<String, List<String>> byService = new LinkedHashMap<>();
                    for (Map.Entry<Instance, String> state : states) {
                        Instance instance = state.getKey();
                        byService.computeIfAbsent(instance.service(), service -> new ArrayList<>())
                                .add(state.getValue());
                        if (upstreams.instances(instance.service()).size() > 1) {
                            builder.withData(instance.service() + "@" + instance.label(), state.getValue());
                        }
                    }
                    byService.forEach((service, instanceStates) -> builder.withData(service, summary(instanceStates)));
                    return builder.build();
                });
    }

    /** The instances' state when they agree, else {@code DEGRADED}. */
    private static String summary(List<String> instanceStates) {
        return instanceStates.stream().distinct().count() == 1 ? instanceStates.get(0) : "DEGRADED";
    }

    private Uni<String> probe(Instance instance) {
        long timeout = config.healthTimeout().toMillis();
        Future<String> state = upstreams.request(instance, new RequestOptions().setMethod(HttpMethod.GET)
                .setURI("/q/health/ready").setConnectTimeout(timeout).setIdleTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200 ? "UP" : "DOWN"))
                .recover(failure -> Future.succeededFuture(
                        failure instanceof Upstreams.Saturated ? "SATURATED" : "UNREACHABLE"));
        return Uni.createFrom().completionStage(state.toCompletionStage());
    }
}
