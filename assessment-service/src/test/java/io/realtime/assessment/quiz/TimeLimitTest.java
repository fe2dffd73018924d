package io.realtime.assessment.quiz;

import static io.realtime.assessment.support.FrameAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.KafkaProbe;

/** The time limit is enforced server-side; the deadline is moved into the past instead of waiting for it. */
@QuarkusTest
class TimeLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void answersAfterTheDeadlineGetSessionExpiredAndTheScoreCountsAnswersGiven() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 2);
        try (QuizClient client = QuizClient.authenticated(base, testId, "4001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            long assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            String first = client.expect("question").get("question_id").asText();
            client.send("submit_answer", Map.of("question_id", first, "selected_option",
                    QuizFixtures.correctOption(first)));
            client.expect("answer_feedback");
            client.expect("progress_update");
            String second = client.expect("question").get("question_id").asText();

            QuizFixtures.execute("UPDATE attempt SET deadline_at = now() - interval '1 second' WHERE id = ?",
                    assessmentId);

            client.send("submit_answer", Map.of("question_id", second, "selected_option", "A"));
            JsonNode error = client.expectFrame("error");
            assertError(error, "SESSION_EXPIRED");
            client.send("submit_answer", Map.of("question_id", second, "selected_option", "A"));
            assertError(client.expectFrame("error"), "SESSION_EXPIRED");

            Map<String, Object> attempt = QuizFixtures.attempt(assessmentId);
            assertThat(attempt.get("status")).isEqualTo("EXPIRED");
            assertThat(((Number) attempt.get("final_score")).doubleValue()).isEqualTo(50.0);
            assertThat(((Number) attempt.get("answered_questions")).intValue()).isEqualTo(1);

            JsonNode event = QuizClient.JSON.readTree(KafkaProbe.find("assessment.completed",
                    r -> String.valueOf(assessmentId).equals(r.key()), Duration.ofSeconds(20)).orElseThrow().value());
            assertThat(event.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(event.get("finalScore").asDouble()).isEqualTo(50.0);

            client.send("complete_assessment");
            JsonNode result = client.expect("assessment_completed");
            assertThat(result.get("final_score").asDouble()).isEqualTo(50.0);
            assertThat(result.get("results").get("status").asText()).isEqualTo("EXPIRED");

            client.send("start_assessment", Map.of("test_id", testId));
            assertThat(client.expect("assessment_started").get("assessment_id").asLong()).isNotEqualTo(assessmentId);
        }
    }

    @Test
    void startingAgainAfterTheDeadlineEndsTheOldAttemptAndStartsAFreshOne() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 2);
        long first;
        try (QuizClient client = QuizClient.authenticated(base, testId, "4003")) {
            client.send("start_assessment", Map.of("test_id", testId));
            first = client.expect("assessment_started").get("assessment_id").asLong();
            client.expect("question");
        }
        QuizFixtures.execute("UPDATE attempt SET deadline_at = now() - interval '1 second' WHERE id = ?", first);
        try (QuizClient client = QuizClient.authenticated(base, testId, "4003")) {
            client.send("start_assessment", Map.of("test_id", testId));
            JsonNode started = client.expect("assessment_started"); // not recovered: that attempt is over
            assertThat(started.get("assessment_id").asLong()).isNotEqualTo(first);
            client.expect("question");
        }
        assertThat(QuizFixtures.attempt(first).get("status")).isEqualTo("EXPIRED");
        assertThat(KafkaProbe.find("assessment.completed", r -> String.valueOf(first).equals(r.key()),
                Duration.ofSeconds(20))).isPresent();
    }

    @Test
    void attemptsPastTheirDeadlineEndEvenWithNobodyConnected() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 2);
        long assessmentId;
        try (QuizClient client = QuizClient.authenticated(base, testId, "4002")) {
            client.send("start_assessment", Map.of("test_id", testId));
            assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            client.expect("question");
        }
        QuizFixtures.execute("UPDATE attempt SET deadline_at = now() - interval '1 second' WHERE id = ?",
                assessmentId);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "EXPIRED".equals(QuizFixtures.attempt(assessmentId).get("status")));
        assertThat(((Number) QuizFixtures.attempt(assessmentId).get("final_score")).doubleValue()).isZero();
    }
}
