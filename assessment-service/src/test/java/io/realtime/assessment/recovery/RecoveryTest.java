package io.realtime.assessment.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;

@QuarkusTest
class RecoveryTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void reconnectingMidQuizRecoversExactProgressAndTheSameQuestion() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(3), 3);
        long assessmentId;
        String pending;
        try (QuizClient client = QuizClient.authenticated(base, testId, "3001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            String first = client.expect("question").get("question_id").asText();
            client.send("submit_answer", Map.of("question_id", first, "selected_option",
                    QuizFixtures.correctOption(first)));
            client.expect("answer_feedback");
            client.expect("progress_update");
            pending = client.expect("question").get("question_id").asText();
        } // connection lost

        try (QuizClient client = QuizClient.authenticated(base, testId, "3001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            JsonNode recovered = client.expect("assessment_recovered");
            assertRecovered(recovered, assessmentId, 1, 3);

            client.send("get_question");
            assertThat(client.expect("question").get("question_id").asText()).isEqualTo(pending);

            client.send("submit_answer", Map.of("question_id", pending, "selected_option", "A"));
            assertThat(client.expect("answer_feedback").get("progress").get("answered").asInt()).isEqualTo(2);
        }
    }

    static void assertRecovered(JsonNode recovered, long assessmentId, int answered, int total) {
        assertThat(QuizClient.fieldNames(recovered)).containsExactlyInAnyOrder("assessment_id", "thread_id",
                "progress", "message");
        assertThat(recovered.get("assessment_id").asLong()).isEqualTo(assessmentId);
        assertThat(recovered.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));
        assertThat(recovered.get("message").asText()).isEqualTo("Previous assessment session recovered");
        JsonNode progress = recovered.get("progress");
        assertThat(progress.get("answered_questions").asInt()).isEqualTo(answered);
        assertThat(progress.get("total_questions").asInt()).isEqualTo(total);
        assertThat(progress.get("percentage_complete").asDouble())
                .isEqualTo(Math.round(answered * 10000.0 / total) / 100.0);
        assertThat(progress.get("answered").asInt()).isEqualTo(answered);
        assertThat(progress.get("total").asInt()).isEqualTo(total);
    }
}
