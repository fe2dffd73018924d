package io.realtime.assessment.quiz.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.PrometheusScrape;

/** The cache of test definitions holds no more tests than {@code assessment.test-cache.max-tests}. */
@QuarkusTest
@TestProfile(TestCacheBoundTest.TwoTests.class)
class TestCacheBoundTest {

    public static class TwoTests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessment.test-cache.max-tests", "2");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void holdsAtMostTheConfiguredNumberOfTests() {
        for (int i = 0; i < 5; i++) {
            long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(1), 1);
            try (QuizClient client = QuizClient.authenticated(base, testId, "7301")) {
                client.send("start_assessment", Map.of("test_id", testId));
                client.expect("assessment_started");
                client.expect("question");
            }
        }
        Map<String, String> cache = Map.of("cache", TestDefinitions.CACHE_NAME);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(base);
            assertThat(scrape.value("cache_evictions_total", cache)).isGreaterThanOrEqualTo(3);
            assertThat(scrape.value("cache_size", cache)).isLessThanOrEqualTo(2);
        });
    }
}
