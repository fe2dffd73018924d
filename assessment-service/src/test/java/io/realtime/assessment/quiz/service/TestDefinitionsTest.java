package io.realtime.assessment.quiz.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.PrometheusScrape;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;

/**
 * Attempts use this instance's shared copy of their test, yet a change to the test or its bank, made here or by
 * anyone else (another instance, SQL), is seen by the next answer or question.
 */
@QuarkusTest
class TestDefinitionsTest {

    private static final String INSTRUCTOR = DevTokens.forUser("teacher-cache").groups("instructor").sign();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aBankQuestionAddedOverRestIsAskedInTheRunningAttempt() {
        int testId = given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Growing bank", "skills", List.of("SQL"), "total_questions", 2,
                        "time_limit_minutes", 20, "open_to_all", true))
                .when().post("/api/assessment/tests").then().statusCode(201).extract().path("id");
        addQuestion(testId, "Which clause filters rows?");

        try (QuizClient client = QuizClient.authenticated(base, testId, "7201")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            JsonNode first = client.expect("question");
            assertThat(first.get("question").get("text").asText()).isEqualTo("Which clause filters rows?");

            addQuestion(testId, "Which clause sorts rows?"); // the first question came from the cached bank

            client.send("submit_answer", Map.of("question_id", first.get("question_id").asText(),
                    "selected_option", "A"));
            client.expect("answer_feedback");
            client.expect("progress_update");
            assertThat(client.expect("question").get("question").get("text").asText())
                    .isEqualTo("Which clause sorts rows?");
        }
    }

    @Test
    void aTestChangedInTheDatabaseByAnyoneElseIsSeenByTheNextQuestionAndAnswer() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(3), 3);
        try (QuizClient client = QuizClient.authenticated(base, testId, "7202")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            String first = client.expect("question").get("question_id").asText();

            // as another instance's instructor API or an operator would: straight in the shared database
            QuizFixtures.execute("UPDATE bank_question SET text = 'Edited ' || id WHERE test_id = ?", testId);

            client.send("submit_answer", Map.of("question_id", first, "selected_option", "A"));
            assertThat(client.expect("answer_feedback").get("progress").get("total").asInt()).isEqualTo(3);
            client.expect("progress_update");
            JsonNode second = client.expect("question");
            assertThat(second.get("question").get("text").asText()).startsWith("Edited ");

            QuizFixtures.execute("UPDATE assessment_test SET total_questions = 2 WHERE id = ?", testId);

            client.send("submit_answer", Map.of("question_id", second.get("question_id").asText(),
                    "selected_option", "A"));
            JsonNode feedback = client.expect("answer_feedback");
            assertThat(feedback.get("progress").get("answered").asInt()).isEqualTo(2);
            assertThat(feedback.get("progress").get("total").asInt()).isEqualTo(2);
            client.expect("progress_update");
            client.send("complete_assessment");
            assertThat(client.expect("assessment_completed").get("total_questions").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aWholeQuizReadsItsTestOnceThenAnswersFromTheSharedCopy() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(3), 3);
        double loads = loads();
        for (String user : List.of("7203", "7204")) {
            try (QuizClient client = QuizClient.authenticated(base, testId, user)) {
                client.send("start_assessment", Map.of("test_id", testId));
                client.expect("assessment_started");
                for (int n = 1; n <= 3; n++) {
                    String question = client.expect("question").get("question_id").asText();
                    client.send("submit_answer", Map.of("question_id", question, "selected_option", "B"));
                    client.expect("answer_feedback");
                    client.expect("progress_update");
                }
                client.send("complete_assessment");
                client.expect("assessment_completed");
            }
        }
        assertThat(loads()).as("test definitions read from the database").isEqualTo(loads + 1);
    }

    private void addQuestion(int testId, String text) {
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("text", text, "options", Map.of("A", "WHERE", "B", "ORDER BY", "C", "GROUP BY",
                        "D", "LIMIT"), "correct_option", "A", "difficulty", "medium"))
                .when().post("/api/assessment/tests/" + testId + "/questions").then().statusCode(201);
    }

    /** Cache misses: each is one read of a test and its bank. */
    private double loads() {
        return PrometheusScrape.of(base).value("cache_gets_total",
                Map.of("cache", TestDefinitions.CACHE_NAME, "result", "miss"));
    }
}
