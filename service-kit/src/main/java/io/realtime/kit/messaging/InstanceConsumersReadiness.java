package io.realtime.kit.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Not ready until every per-instance fan-out channel ({@link InstanceConsumers}) has joined its group. Such a
 * channel reads from the latest offset when it joins, so an instance that took clients before that would never
 * deliver them what was published in between: the benchmark saw a fresh messaging-service report ready 18 s before
 * its consumer had a partition, and deliver nothing sent in that time. Data: each channel, {@code JOINED} or
 * {@code WAITING}.
 */
@Readiness
@ApplicationScoped
public class InstanceConsumersReadiness implements HealthCheck {

    static final String CHECK = "kafka-instance-consumers";
    private static final Pattern LISTENER = Pattern.compile(
            "mp\\.messaging\\.incoming\\.(.+)\\.consumer-rebalance-listener\\.name");

    private final InstanceConsumers consumers;
    private final Map<String, String> groupByChannel;

    @Inject
    public InstanceConsumersReadiness(@Identifier(InstanceConsumers.NAME) InstanceConsumers consumers, Config config) {
        this(consumers, groupByChannel(config.getPropertyNames(),
                name -> config.getOptionalValue(name, String.class)));
    }

    InstanceConsumersReadiness(InstanceConsumers consumers, Map<String, String> groupByChannel) {
        this.consumers = consumers;
        this.groupByChannel = groupByChannel;
    }

    /** The channels that name {@link InstanceConsumers#NAME} as their rebalance listener, with their group ids. */
    static Map<String, String> groupByChannel(Iterable<String> propertyNames,
            Function<String, Optional<String>> value) {
        Map<String, String> groups = new TreeMap<>();
        for (String name : propertyNames) {
            Matcher matcher = LISTENER.matcher(name);
            if (matcher.matches() && value.apply(name).filter(InstanceConsumers.NAME::equals).isPresent()) {
                String channel = matcher.group(1);
                String groupProperty = "mp.messaging.incoming." + channel + ".group.id";
                groups.put(channel, value.apply(groupProperty).orElseThrow(() -> new IllegalStateException(
                        groupProperty + " must be set: the readiness check waits for that group")));
            }
        }
        return groups;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(CHECK);
        boolean all = true;
        for (Map.Entry<String, String> channel : groupByChannel.entrySet()) {
            boolean joined = consumers.hasJoined(channel.getValue());
            builder.withData(channel.getKey(), joined ? "JOINED" : "WAITING");
            all &= joined;
        }
        return builder.status(all).build();
    }
}
