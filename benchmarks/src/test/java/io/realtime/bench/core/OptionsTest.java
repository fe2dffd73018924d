package io.realtime.bench.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parsesScenarioAndOptions() {
        Options options = Options.parse(List.of("messaging-fanout", "--rate", "500", "--duration=30s", "--flag"));
        assertThat(options.scenario()).isEqualTo("messaging-fanout");
        assertThat(options.integer("rate", 1, 1, 1000)).isEqualTo(500);
        assertThat(options.duration("duration", Duration.ZERO, Duration.ofMinutes(1))).hasSeconds(30);
        assertThat(options.flag("flag")).isTrue();
        assertThat(Options.parseDuration("250ms")).hasMillis(250);
        assertThat(Options.parseDuration("2m")).hasMinutes(2);
    }

    @Test
    void everyCountAndDurationIsBounded() {
        Options options = Options.parse(List.of("idle", "--connections", "999999999", "--hold", "2h"));
        assertThatThrownBy(() -> options.integer("connections", 1, 1, 250_000))
                .hasMessageContaining("--connections");
        assertThatThrownBy(() -> options.duration("hold", Duration.ZERO, Duration.ofMinutes(30)))
                .hasMessageContaining("--hold");
    }

    @Test
    void onlyLoopbackTargets() {
        assertThat(new Target("127.0.0.1", 8002).http()).isEqualTo("http://127.0.0.1:8002");
        assertThat(new Target("localhost", 8002).port()).isEqualTo(8002);
        assertThat(new Target("127.0.0.9", 8002).host()).isEqualTo("127.0.0.9");
        assertThatThrownBy(() -> new Target("10.0.0.1", 8002)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> new Target("8.8.8.8", 80)).hasMessageContaining("loopback");
    }

    @Test
    void sourceAddressesSpreadBeyondOneAddressesPorts() {
        assertThat(Clients.sourceAddress(Clients.addressIndex(0))).isEqualTo("127.0.0.1");
        assertThat(Clients.sourceAddress(Clients.addressIndex(Clients.PER_ADDRESS - 1))).isEqualTo("127.0.0.1");
        assertThat(Clients.sourceAddress(Clients.addressIndex(Clients.PER_ADDRESS))).isEqualTo("127.0.0.2");
        assertThat(Clients.sourceAddress(Clients.addressIndex(49_999))).isEqualTo("127.0.0.3");
    }
}
