package io.realtime.assessment.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.PrometheusScrape;

/** What an operator sees at {@code /q/metrics} move when clients talk to the service. */
@QuarkusTest
class MetricsTest {

    private static final String SERVICE = "assessment-service";

    @TestHTTPResource("/")
    URI base;

    private double metric(String name, Map<String, String> labels) {
        return PrometheusScrape.of(base).value(name, labels);
    }

    private static Map<String, String> labels(String key, String value) {
        return Map.of("service", SERVICE, "endpoint", "assessment", key, value);
    }

    @Test
    void framesAreCountedByTypeRefusalsAndErrorsByCode() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        double heartbeats = metric("realtime_ws_frames_in_total", labels("type", "heartbeat"));
        double invalid = metric("realtime_ws_frames_in_total", labels("type", "invalid"));
        double pongs = metric("realtime_ws_frames_out_total", labels("type", "pong"));
        double invalidJson = metric("realtime_ws_errors_total", labels("code", "INVALID_JSON"));
        double authFailed = metric("realtime_ws_errors_total", labels("code", "AUTH_FAILED"));
        double open = PrometheusScrape.settled(base, "realtime_ws_connections",
                Map.of("service", SERVICE, "endpoint", "assessment"));
        try (QuizClient client = QuizClient.authenticated(base, testId, "6001")) {
            client.send("heartbeat");
            client.expect("pong");
            client.sendRaw("{oops");
            client.expect("error");
            assertThat(metric("realtime_ws_connections", Map.of("service", SERVICE, "endpoint", "assessment")))
                    .isEqualTo(open + 1);
        }
        try (QuizClient refused = QuizClient.connectWithToken(base, Long.toString(testId), "not-a-jwt")) {
            refused.awaitClose();
        }
        assertThat(metric("realtime_ws_frames_in_total", labels("type", "heartbeat"))).isEqualTo(heartbeats + 1);
        assertThat(metric("realtime_ws_frames_in_total", labels("type", "invalid"))).isEqualTo(invalid + 1);
        assertThat(metric("realtime_ws_frames_out_total", labels("type", "pong"))).isEqualTo(pongs + 1);
        assertThat(metric("realtime_ws_errors_total", labels("code", "INVALID_JSON"))).isEqualTo(invalidJson + 1);
        assertThat(metric("realtime_ws_errors_total", labels("code", "AUTH_FAILED"))).isEqualTo(authFailed + 1);
    }

    @Test
    void httpMetricsUseTheRouteTemplateNotEachTestsPath() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient client = QuizClient.authenticated(base, testId, "6002")) {
            client.send("heartbeat");
            client.expect("pong");
        }
        PrometheusScrape scrape = PrometheusScrape.of(base);
        assertThat(scrape.text()).as("one series per test id would grow without bound")
                .doesNotContain("/ws/assessment/" + testId + "\"").contains("uri=\"/ws/assessment/{test_id}\"");
    }

    @Test
    void theTakeoverConsumersLagIsExported() {
        PrometheusScrape scrape = PrometheusScrape.of(base);
        assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of("service", SERVICE)))
                .as("Kafka consumer lag in:%n%s", scrape.text()).isTrue();
    }
}
