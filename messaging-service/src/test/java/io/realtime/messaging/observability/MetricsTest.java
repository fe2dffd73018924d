package io.realtime.messaging.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.PrometheusScrape;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

/** What an operator sees at {@code /q/metrics} move when clients talk to the service. */
@QuarkusTest
class MetricsTest {

    private static final String SERVICE = "messaging-service";

    @TestHTTPResource("/")
    URI base;

    private double metric(String name, Map<String, String> labels) {
        return PrometheusScrape.of(base).value(name, labels);
    }

    private static Map<String, String> type(String type) {
        return Map.of("service", SERVICE, "endpoint", "messaging", "type", type);
    }

    @Test
    void framesInAndOutAreCountedByTypeAndErrorsByCode() {
        String conversation = Conversations.create("mila", false, "nico");
        double sendsBefore = metric("realtime_ws_frames_in_total", type("message:send"));
        double invalidBefore = metric("realtime_ws_frames_in_total", type("invalid"));
        double acksBefore = metric("realtime_ws_frames_out_total", type("message:ack"));
        double receivesBefore = metric("realtime_ws_frames_out_total", type("message:receive"));
        double errorsBefore = metric("realtime_ws_errors_total",
                Map.of("service", SERVICE, "endpoint", "messaging", "code", "VALIDATION_ERROR"));
        try (ChatClient mila = ChatClient.connect(base, "mila"); ChatClient nico = ChatClient.connect(base, "nico")) {
            mila.sendMessage("metrics-1", conversation, "counted");
            mila.expect("message:ack");
            mila.expect("message:receive");
            mila.expect("message:ack");
            nico.expect("message:receive");
            mila.sendRaw("{not json");
            mila.expect("connection:error");

            assertThat(metric("realtime_ws_frames_in_total", type("message:send"))).isEqualTo(sendsBefore + 1);
            assertThat(metric("realtime_ws_frames_in_total", type("invalid"))).isEqualTo(invalidBefore + 1);
            assertThat(metric("realtime_ws_frames_out_total", type("message:ack"))).isEqualTo(acksBefore + 2);
            assertThat(metric("realtime_ws_frames_out_total", type("message:receive"))).isEqualTo(receivesBefore + 2);
            assertThat(metric("realtime_ws_errors_total",
                    Map.of("service", SERVICE, "endpoint", "messaging", "code", "VALIDATION_ERROR")))
                    .isEqualTo(errorsBefore + 1);
        }
    }

    @Test
    void openConnectionsGoUpAndDown() {
        Map<String, String> labels = Map.of("service", SERVICE, "endpoint", "messaging");
        double before = PrometheusScrape.settled(base, "realtime_ws_connections", labels);
        try (ChatClient one = ChatClient.connect(base, "olga"); ChatClient two = ChatClient.connect(base, "olga")) {
            assertThat(metric("realtime_ws_connections", labels)).isEqualTo(before + 2);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> metric("realtime_ws_connections", labels) == before);
    }

    @Test
    void theFanOutConsumersLagIsExported() {
        PrometheusScrape scrape = PrometheusScrape.of(base);
        assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of("service", SERVICE)))
                .as("Kafka consumer lag in:%n%s", scrape.text()).isTrue();
    }
}
