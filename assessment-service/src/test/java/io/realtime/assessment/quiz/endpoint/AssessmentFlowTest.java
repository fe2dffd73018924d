package io.realtime.assessment.quiz.endpoint;

import static io.realtime.assessment.support.FrameAssertions.assertError;
import static io.realtime.assessment.support.FrameAssertions.assertQuestionShape;
import static io.realtime.assessment.support.QuizClient.TIMESTAMP;
import static io.realtime.assessment.support.QuizClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

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

/** A whole quiz in bank mode (no model configured), frame by frame, against the guide's shapes. */
@QuarkusTest
class AssessmentFlowTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void wholeQuizFollowsTheGuidesSequenceAndPersistsEveryAnswer() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(3), 3);
        try (QuizClient client = QuizClient.authenticated(base, testId, "1001")) {
            client.send("start_assessment", Map.of("test_id", testId));

            JsonNode started = client.expect("assessment_started");
            assertThat(fieldNames(started)).containsExactlyInAnyOrder("test_id", "assessment_id", "thread_id",
                    "test_name", "time_limit_minutes", "total_questions", "message");
            long assessmentId = started.get("assessment_id").asLong();
            assertThat(started.get("test_id").asLong()).isEqualTo(testId);
            assertThat(started.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));
            assertThat(started.get("test_name").asText()).startsWith("Fixture test");
            assertThat(started.get("time_limit_minutes").asInt()).isEqualTo(30);
            assertThat(started.get("total_questions").asInt()).isEqualTo(3);
            assertThat(started.get("message").asText()).isEqualTo("Assessment session started successfully");

            int correctCount = 0;
            for (int n = 1; n <= 3; n++) {
                JsonNode questionFrame = client.expectFrame("question");
                assertThat(questionFrame.toString()).doesNotContainIgnoringCase("correct");
                JsonNode question = questionFrame.get("data");
                assertQuestionShape(question, assessmentId);
                String questionId = question.get("question_id").asText();
                String correct = QuizFixtures.correctOption(questionId);
                String choice = n == 2 ? wrong(correct) : correct;
                correctCount += choice.equals(correct) ? 1 : 0;

                client.send("submit_answer", Map.of("question_id", questionId, "selected_option", choice));

                JsonNode feedback = client.expect("answer_feedback");
                assertThat(fieldNames(feedback)).containsExactlyInAnyOrder("question_id", "feedback", "progress",
                        "thread_id");
                assertThat(feedback.get("question_id").asText()).isEqualTo(questionId);
                assertThat(feedback.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));
                JsonNode verdict = feedback.get("feedback");
                assertThat(fieldNames(verdict)).containsExactlyInAnyOrder("correct", "selected_option",
                        "correct_answer", "message");
                assertThat(verdict.get("correct").asBoolean()).isEqualTo(choice.equals(correct));
                assertThat(verdict.get("selected_option").asText()).isEqualTo(choice);
                assertThat(verdict.get("correct_answer").asText()).isEqualTo(correct);
                assertThat(feedback.get("progress").get("answered").asInt()).isEqualTo(n);
                assertThat(feedback.get("progress").get("total").asInt()).isEqualTo(3);
                assertThat(feedback.get("progress").get("percentage_complete").asDouble())
                        .isEqualTo(Math.round(n * 10000.0 / 3) / 100.0);
                // persisted before it was acknowledged
                assertThat(QuizFixtures.answeredRows(assessmentId)).isEqualTo(n);

                JsonNode progress = client.expect("progress_update");
                assertThat(fieldNames(progress)).contains("total_questions", "answered_questions",
                        "percentage_complete", "thread_id", "timestamp");
                assertThat(progress.get("answered_questions").asInt()).isEqualTo(n);
                assertThat(progress.get("total_questions").asInt()).isEqualTo(3);
                assertThat(progress.get("timestamp").asText()).matches(TIMESTAMP);
            }
            client.expectSilence(Duration.ofMillis(500)); // no fourth question

            client.send("complete_assessment");
            JsonNode completed = client.expect("assessment_completed");
            assertThat(fieldNames(completed)).containsExactlyInAnyOrder("final_score", "correct_answers",
                    "total_questions", "assessment_id", "thread_id", "message", "results", "next_steps");
            assertThat(fieldNames(completed.get("results"))).containsExactlyInAnyOrder("final_score",
                    "correct_answers", "total_questions", "answered_questions", "assessment_id", "thread_id",
                    "status");
            double expectedScore = Math.round(correctCount * 10000.0 / 3) / 100.0;
            assertThat(completed.get("final_score").asDouble()).isEqualTo(expectedScore);
            assertThat(completed.get("correct_answers").asInt()).isEqualTo(correctCount);
            assertThat(completed.get("total_questions").asInt()).isEqualTo(3);
            assertThat(completed.get("assessment_id").asLong()).isEqualTo(assessmentId);
            assertThat(completed.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));
            assertThat(completed.get("message").asText()).isEqualTo("Assessment completed successfully");
            assertThat(completed.get("results").get("final_score").asDouble()).isEqualTo(expectedScore);
            assertThat(completed.get("results").get("assessment_id").asLong()).isEqualTo(assessmentId);
            assertThat(completed.get("next_steps").asText()).isNotBlank();

            Map<String, Object> row = QuizFixtures.attempt(assessmentId);
            assertThat(row.get("status")).isEqualTo("COMPLETED");
            assertThat(((Number) row.get("final_score")).doubleValue()).isEqualTo(expectedScore);

            client.send("complete_assessment");
            JsonNode again = client.expect("assessment_completed");
            assertThat(again.get("final_score").asDouble()).isEqualTo(expectedScore);
            assertThat(again.get("assessment_id").asLong()).isEqualTo(assessmentId);

            JsonNode event = QuizClient.JSON.readTree(KafkaProbe.find("assessment.completed",
                    record -> String.valueOf(assessmentId).equals(record.key()), Duration.ofSeconds(20))
                    .orElseThrow(() -> new AssertionError("no assessment.completed event")).value());
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(event.get("finalScore").asDouble()).isEqualTo(expectedScore);
            assertThat(event.get("userId").asText()).isEqualTo("1001");
        }
    }

    @Test
    void getQuestionRedeliversTheCurrentQuestionAndProgressAndHeartbeatAnswer() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 2);
        try (QuizClient client = QuizClient.authenticated(base, testId, "1002")) {
            client.send("start_assessment", Map.of("test_id", testId));
            long assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            String first = client.expect("question").get("question_id").asText();

            client.send("get_question");
            assertThat(client.expect("question").get("question_id").asText()).isEqualTo(first);

            client.send("get_progress");
            JsonNode progress = client.expect("progress_update");
            assertThat(progress.get("answered_questions").asInt()).isZero();
            assertThat(progress.get("total_questions").asInt()).isEqualTo(2);
            assertThat(progress.get("percentage_complete").asDouble()).isZero();
            assertThat(progress.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));

            client.send("heartbeat");
            JsonNode pong = client.expect("pong");
            assertThat(fieldNames(pong)).containsExactly("timestamp");
            assertThat(pong.get("timestamp").asText()).matches(TIMESTAMP);
        }
    }

    @Test
    void invalidAnswersAreRejectedAndChangeNothing() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(3), 3);
        try (QuizClient client = QuizClient.authenticated(base, testId, "1003")) {
            client.send("start_assessment", Map.of("test_id", testId));
            long assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            String current = client.expect("question").get("question_id").asText();

            client.send("submit_answer", Map.of("question_id", "q_999999999", "selected_option", "A"));
            assertError(client.expectFrame("error"), "INVALID_ANSWER");
            client.send("submit_answer", Map.of("question_id", current, "selected_option", "E"));
            assertError(client.expectFrame("error"), "INVALID_ANSWER");
            client.send("submit_answer", Map.of("question_id", "not-a-question", "selected_option", "A"));
            assertError(client.expectFrame("error"), "INVALID_ANSWER");
            assertThat(QuizFixtures.answeredRows(assessmentId)).isZero();

            client.send("submit_answer", Map.of("question_id", current, "selected_option", "A"));
            client.expect("answer_feedback");
            client.expect("progress_update");
            client.expect("question");

            client.send("submit_answer", Map.of("question_id", current, "selected_option", "B"));
            JsonNode error = client.expectFrame("error");
            assertError(error, "INVALID_ANSWER");
            assertThat(QuizFixtures.answeredRows(assessmentId)).isEqualTo(1);
            assertThat(((Number) QuizFixtures.attempt(assessmentId).get("answered_questions")).intValue())
                    .isEqualTo(1);
        }
    }

    @Test
    void difficultyRisesAfterACorrectAnswerAndFallsAfterAWrongOne() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(4), 3);
        try (QuizClient client = QuizClient.authenticated(base, testId, "1004")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            JsonNode first = client.expect("question");
            String firstId = first.get("question_id").asText();
            assertThat(first.get("question").get("difficulty").asText()).isEqualTo("medium");

            client.send("submit_answer", Map.of("question_id", firstId, "selected_option",
                    QuizFixtures.correctOption(firstId)));
            client.expect("answer_feedback");
            client.expect("progress_update");
            JsonNode second = client.expect("question");
            assertThat(second.get("question").get("difficulty").asText()).isEqualTo("hard");

            String secondId = second.get("question_id").asText();
            client.send("submit_answer", Map.of("question_id", secondId, "selected_option",
                    wrong(QuizFixtures.correctOption(secondId))));
            client.expect("answer_feedback");
            client.expect("progress_update");
            assertThat(client.expect("question").get("question").get("difficulty").asText()).isEqualTo("medium");
        }
    }

    @Test
    void messagesBeforeStartAskForAStart() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient client = QuizClient.authenticated(base, testId, "1005")) {
            client.send("get_question");
            JsonNode error = client.expectFrame("error");
            assertError(error, "ASSESSMENT_FAILED");
            assertThat(error.get("data").get("error").asText()).contains("start_assessment");

            client.send("start_assessment"); // no data: the connection's test
            assertThat(client.expect("assessment_started").get("test_id").asLong()).isEqualTo(testId);
        }
    }

    public static String wrong(String correct) {
        return "A".equals(correct) ? "B" : "A";
    }
}
