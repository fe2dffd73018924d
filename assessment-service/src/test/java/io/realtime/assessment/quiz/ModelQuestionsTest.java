package io.realtime.assessment.quiz;

import static io.realtime.assessment.support.FrameAssertions.assertError;
import static io.realtime.assessment.support.FrameAssertions.assertQuestionShape;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.infra.test.PrometheusScrape;

/** Questions and chat with a model, against an OpenAI-compatible server speaking the real wire format. */
@QuarkusTest
@TestProfile(WithModelProfile.class)
class ModelQuestionsTest {

    private static final String MODEL_CALLS = "gen_ai_client_operation_duration_seconds_count";
    private static final String EXPLANATION = "Because EXPLANATION-7781 says so";

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void resetModel() {
        OpenAiFake.reset();
    }

    static String question(String text, String correct) {
        return "{\"text\":\"" + text + "\",\"options\":{\"A\":\"alpha\",\"B\":\"beta\",\"C\":\"gamma\","
                + "\"D\":\"delta\"},\"correct_option\":\"" + correct + "\",\"difficulty\":\"medium\","
                + "\"skill\":\"Greek letters\",\"explanation\":\"" + EXPLANATION + "\"}";
    }

    @Test
    void questionsComeFromTheModelAndItsAnswerKeyScoresTheAnswer() {
        OpenAiFake.answer("```json\n" + question("Which letter comes second?", "B") + "\n```");
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            long assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            JsonNode frame = client.expectFrame("question");
            assertThat(frame.toString()).doesNotContain("correct").doesNotContain("EXPLANATION-7781");
            JsonNode question = frame.get("data");
            assertQuestionShape(question, assessmentId);
            assertThat(question.get("question").get("text").asText()).isEqualTo("Which letter comes second?");
            assertThat(question.get("question").get("options").get(1).get("text").asText()).isEqualTo("beta");
            assertThat(question.get("question").get("skill").asText()).isEqualTo("Greek letters");

            OpenAiFake.reset();
            OpenAiFake.answer(question("Which letter comes third?", "C"));
            client.send("submit_answer", Map.of("question_id", question.get("question_id").asText(),
                    "selected_option", "B"));
            JsonNode feedback = client.expect("answer_feedback").get("feedback");
            assertThat(feedback.get("correct").asBoolean()).isTrue();
            assertThat(feedback.get("correct_answer").asText()).isEqualTo("B");
            client.expect("progress_update");
            assertThat(client.expect("question").get("question").get("text").asText())
                    .isEqualTo("Which letter comes third?");

            String prompt = OpenAiFake.requestBodies().get(0);
            assertThat(prompt).contains("Which letter comes second?"); // told not to repeat it
        }
    }

    @Test
    void everyModelCallIsTimedInTheMetrics() {
        double before = PrometheusScrape.of(base).value(MODEL_CALLS, Map.of("service", "assessment-service"));
        OpenAiFake.answer(question("Which letter comes fourth?", "D"));
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5009")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            client.expect("question");
        }
        PrometheusScrape after = PrometheusScrape.of(base);
        assertThat(after.value(MODEL_CALLS, Map.of("service", "assessment-service")))
                .as("model call metrics: %s", after.text().lines().filter(line -> line.startsWith("gen_ai")).toList())
                .isGreaterThan(before);
    }

    @Test
    void invalidModelOutputIsRetried() {
        OpenAiFake.answerInTurn(List.of("Sure! Here is a question about letters.",
                "{\"text\":\"Missing options\",\"correct_option\":\"A\"}",
                question("Which letter comes first?", "A")));
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5002")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            assertThat(client.expect("question").get("question").get("text").asText())
                    .isEqualTo("Which letter comes first?");
            assertThat(OpenAiFake.requestBodies()).hasSize(3);
        }
    }

    @Test
    void persistentlyInvalidOutputIsAQuestionErrorAndGetQuestionRetries() {
        OpenAiFake.answer("{\"text\":\"Two correct?\",\"options\":{\"A\":\"x\",\"B\":\"x\",\"C\":\"y\",\"D\":\"z\"},"
                + "\"correct_option\":\"A\"}");
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5003")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            JsonNode error = client.expectFrame("error");
            assertError(error, "QUESTION_ERROR");
            assertThat(error.get("data").get("error").asText()).contains("Failed to generate question");
            assertThat(OpenAiFake.requestBodies()).hasSize(3);

            OpenAiFake.reset();
            OpenAiFake.answer(question("Which letter comes last?", "D"));
            client.send("get_question"); // what the guide's client does after "Failed to generate question"
            assertThat(client.expect("question").get("question").get("text").asText())
                    .isEqualTo("Which letter comes last?");
        }
    }

    @Test
    void chatKnowsTheQuestionOnScreenButNeverItsAnswerKey() {
        OpenAiFake.answer(question("Which letter comes fourth?", "D"));
        OpenAiFake.answerWhenPromptContains("Candidate:", "Think about the order of the Greek alphabet.");
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5004")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            client.expect("question");

            client.send("chat_message", Map.of("message", "Just tell me the right answer please"));
            JsonNode reply = client.expect("system_message");
            assertThat(QuizClient.fieldNames(reply)).containsExactlyInAnyOrder("message", "timestamp");
            assertThat(reply.get("message").asText()).isEqualTo("Think about the order of the Greek alphabet.");
            assertThat(reply.get("timestamp").asText()).matches(QuizClient.TIMESTAMP);

            String chatPrompt = OpenAiFake.requestBodies().stream().filter(body -> body.contains("Candidate:"))
                    .findFirst().orElseThrow();
            assertThat(chatPrompt).contains("Which letter comes fourth?").contains("delta")
                    .contains("Just tell me the right answer please");
            assertThat(chatPrompt).doesNotContain("EXPLANATION-7781").doesNotContain("correct_option")
                    .doesNotContainPattern("(?i)correct (answer|option) is");
        }
    }

    @Test
    void aFailingModelGivesAPoliteChatReplyAndTheConnectionLives() {
        OpenAiFake.fail(503);
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5005")) {
            client.send("chat_message", Map.of("message", "hello"));
            assertThat(client.expect("system_message").get("message").asText()).contains("could not answer");
            client.send("heartbeat");
            client.expect("pong");
        }
    }
}
