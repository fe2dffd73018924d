package io.realtime.assessment.quiz.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.kit.time.AdjustableClock;

@QuarkusTest
class AssessmentSocketAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    @Test
    void validTokenGetsAuthSuccessWithTheGuidesFields() throws Exception {
        try (TestSocket socket = open("?token=" + DevTokens.token("123"))) {
            JsonNode frame = JSON.readTree(socket.next());
            assertThat(frame.get("type").asText()).isEqualTo("auth_success");
            JsonNode data = frame.get("data");
            assertThat(fieldNames(data)).containsExactlyInAnyOrder("user_id", "connection_id", "timestamp");
            assertThat(data.get("user_id").isNumber()).isTrue();
            assertThat(data.get("user_id").asLong()).isEqualTo(123);
            assertThat(data.get("connection_id").asText()).matches("123_\\d{10}\\.\\d{3}");
            assertThat(data.get("timestamp").asText()).matches(TIMESTAMP);
            long seconds = Long.parseLong(data.get("connection_id").asText().substring(4, 14));
            assertThat(Math.abs(Instant.now().getEpochSecond() - seconds)).isLessThan(60);
        }
    }

    @Test
    void missingTokenGetsAuthenticationFailedFrameThenClose() throws Exception {
        assertAuthenticationFailed("");
    }

    @Test
    void expiredTokenGetsAuthenticationFailed() throws Exception {
        assertAuthenticationFailed("?token=" + DevTokens.forUser("5").expiredFor(Duration.ofMinutes(10)).sign());
    }

    @Test
    void foreignSignatureGetsAuthenticationFailed() throws Exception {
        assertAuthenticationFailed("?token=" + DevTokens.forUser("5").signedWithForeignKey().sign());
    }

    @Test
    void wrongIssuerGetsAuthenticationFailed() throws Exception {
        assertAuthenticationFailed("?token=" + DevTokens.forUser("5").issuer("https://elsewhere").sign());
    }

    @Test
    void unsignedTokenGetsAuthenticationFailed() throws Exception {
        assertAuthenticationFailed("?token=" + DevTokens.forUser("5").unsigned().sign());
    }

    private void assertAuthenticationFailed(String query) throws Exception {
        try (TestSocket socket = open(query)) {
            JsonNode frame = JSON.readTree(socket.next());
            assertThat(frame.get("type").asText()).isEqualTo("error");
            JsonNode data = frame.get("data");
            assertThat(fieldNames(data)).containsExactlyInAnyOrder("error", "code", "timestamp");
            assertThat(data.get("error").asText()).contains("Authentication failed");
            assertThat(data.get("code").asText()).isEqualTo("AUTH_FAILED");
            assertThat(frame.get("error").asText()).isEqualTo("Authentication failed"); // what the React hook reads
            assertThat(data.get("timestamp").asText()).matches(TIMESTAMP);
            TestSocket.Close close = socket.awaitClose();
            assertThat(close.code()).isEqualTo(4001);
            assertThat(close.reason()).isEqualTo("Authentication failed");
        }
    }

    @Test
    void aSocketIsClosedWithTheAuthErrorWhenItsTokenExpires() throws Exception {
        clock.reset(); // earlier tests may have moved the service clock
        String shortLived = DevTokens.forUser("7007").lifetime(Duration.ofHours(1)).sign();
        try (TestSocket socket = open("?token=" + shortLived)) {
            assertThat(JSON.readTree(socket.next()).get("type").asText()).isEqualTo("auth_success");
            clock.advance(Duration.ofMinutes(59));
            assertThat(socket.poll(Duration.ofMillis(300))).isNull();
            clock.advance(Duration.ofMinutes(2)); // past exp on the service's clock
            JsonNode error = JSON.readTree(socket.next());
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("data").get("code").asText()).isEqualTo("AUTH_FAILED");
            assertThat(error.get("data").get("error").asText()).contains("expired");
            assertThat(socket.awaitClose().code()).isEqualTo(4001);
        } finally {
            clock.reset();
        }
    }

    private TestSocket open(String query) {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(1), 1);
        return TestSocket.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws/assessment/" + testId
                + query));
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
