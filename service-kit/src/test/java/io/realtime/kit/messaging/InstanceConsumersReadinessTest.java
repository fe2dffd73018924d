package io.realtime.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class InstanceConsumersReadinessTest {

    private static final Map<String, String> CONFIG = Map.of(
            "mp.messaging.incoming.events-in.consumer-rebalance-listener.name", InstanceConsumers.NAME,
            "mp.messaging.incoming.events-in.group.id", "svc-1234",
            "mp.messaging.incoming.shared-in.consumer-rebalance-listener.name", "someone-else",
            "mp.messaging.incoming.shared-in.group.id", "shared",
            "mp.messaging.incoming.plain-in.group.id", "plain");

    @Test
    void waitsOnlyForTheChannelsThatNameTheListener() {
        assertThat(InstanceConsumersReadiness.groupByChannel(CONFIG.keySet(),
                name -> Optional.ofNullable(CONFIG.get(name)))).containsExactly(Map.entry("events-in", "svc-1234"));
    }

    @Test
    void downUntilTheGroupHasJoined() {
        InstanceConsumers consumers = new InstanceConsumers();
        InstanceConsumersReadiness readiness = new InstanceConsumersReadiness(consumers,
                Map.of("events-in", "svc-1234"));

        HealthCheckResponse before = readiness.call();
        assertThat(before.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(before.getData()).contains(Map.of("events-in", "WAITING"));

        consumers.joined("another-group");
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        consumers.joined("svc-1234");
        HealthCheckResponse after = readiness.call();
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(after.getData()).contains(Map.of("events-in", "JOINED"));
    }

    @Test
    void aChannelWithoutAGroupIsAConfigurationError() {
        Map<String, String> config = Map.of("mp.messaging.incoming.events-in.consumer-rebalance-listener.name",
                InstanceConsumers.NAME);
        assertThatThrownBy(() -> InstanceConsumersReadiness.groupByChannel(config.keySet(),
                name -> Optional.ofNullable(config.get(name))))
                .hasMessageContaining("mp.messaging.incoming.events-in.group.id");
    }
}
