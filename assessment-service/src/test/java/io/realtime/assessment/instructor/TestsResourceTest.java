package io.realtime.assessment.instructor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;

@QuarkusTest
class TestsResourceTest {

    private static final String INSTRUCTOR = DevTokens.forUser("teacher-1").groups("instructor").sign();
    private static final String STUDENT = DevTokens.token("6001");

    @TestHTTPResource("/")
    URI base;

    @Test
    void instructorsCreateATestFillItsBankGrantAccessAndSeeAttempts() {
        int testId = given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("name", "SQL basics", "skills", java.util.List.of("SQL"), "total_questions", 1,
                        "time_limit_minutes", 20, "initial_difficulty", "easy"))
                .when().post("/api/assessment/tests")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("name", equalTo("SQL basics"))
                .body("total_questions", equalTo(1))
                .body("initial_difficulty", equalTo("easy"))
                .body("open_to_all", equalTo(false))
                .body("created_by", equalTo("teacher-1"))
                .extract().path("id");

        given().auth().oauth2(INSTRUCTOR).when().get("/api/assessment/tests")
                .then().statusCode(200).body("name", hasItem("SQL basics"));

        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("text", "Which clause filters rows?", "options",
                        Map.of("A", "WHERE", "B", "ORDER BY", "C", "GROUP BY", "D", "LIMIT"),
                        "correct_option", "A", "difficulty", "easy", "skill", "SQL"))
                .when().post("/api/assessment/tests/" + testId + "/questions")
                .then().statusCode(201).body("correct_option", equalTo("A")).body("options.B", equalTo("ORDER BY"));

        try (QuizClient refused = QuizClient.connect(base, testId, "6001")) {
            assertThat(refused.expectFrame("error").get("data").get("code").asText()).isEqualTo("ACCESS_DENIED");
        }

        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON).body(Map.of("user_id", "6001"))
                .when().post("/api/assessment/tests/" + testId + "/access").then().statusCode(204);

        try (QuizClient client = QuizClient.authenticated(base, testId, "6001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            assertThat(client.expect("question").get("question").get("text").asText())
                    .isEqualTo("Which clause filters rows?");
        }

        given().auth().oauth2(INSTRUCTOR).when().get("/api/assessment/tests/" + testId + "/attempts")
                .then().statusCode(200)
                .body("[0].user_id", equalTo("6001"))
                .body("[0].status", equalTo("IN_PROGRESS"))
                .body("[0].answered_questions", equalTo(0));
    }

    @Test
    void invalidRequestsAreExplained() {
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON).body(Map.of("name", "No size"))
                .when().post("/api/assessment/tests")
                .then().statusCode(400).body("error", containsString("total_questions"));
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("text", "q", "options", Map.of("A", "a", "B", "b", "C", "c", "D", "d"),
                        "correct_option", "Z"))
                .when().post("/api/assessment/tests/999999/questions")
                .then().statusCode(404);
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON).body("null")
                .when().post("/api/assessment/tests")
                .then().statusCode(400).body("error", containsString("body"));
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("name", "NUL\u0000name", "total_questions", 1, "time_limit_minutes", 5))
                .when().post("/api/assessment/tests")
                .then().statusCode(400).body("error", containsString("name"));
        given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body("{\"name\":\"half \\ud800\",\"total_questions\":1,\"time_limit_minutes\":5}")
                .when().post("/api/assessment/tests")
                .then().statusCode(400);
    }

    @Test
    void onlyInstructorsMayUseTheApi() {
        given().when().get("/api/assessment/tests").then().statusCode(401);
        given().auth().oauth2(STUDENT).when().get("/api/assessment/tests").then().statusCode(403);
        given().auth().oauth2(DevTokens.forUser("x").groups("instructor").issuer("https://evil.example").sign())
                .when().get("/api/assessment/tests").then().statusCode(401);
    }

    @Test
    void aTestIsManagedByItsOwnerOrAnAdminOnly() {
        String other = DevTokens.forUser("teacher-2").groups("instructor").sign();
        String admin = DevTokens.forUser("head-1").groups("admin").sign();
        int testId = given().auth().oauth2(INSTRUCTOR).contentType(ContentType.JSON)
                .body(Map.of("name", "Owned by teacher-1", "total_questions", 1, "time_limit_minutes", 20))
                .when().post("/api/assessment/tests").then().statusCode(201).extract().path("id");
        Map<String, Object> question = Map.of("text", "q?", "options", Map.of("A", "a", "B", "b", "C", "c", "D",
                "d"), "correct_option", "A");

        given().auth().oauth2(other).contentType(ContentType.JSON).body(question)
                .when().post("/api/assessment/tests/" + testId + "/questions")
                .then().statusCode(403).body("error", containsString("another instructor"));
        given().auth().oauth2(other).contentType(ContentType.JSON).body(Map.of("user_id", "teacher-2"))
                .when().post("/api/assessment/tests/" + testId + "/access").then().statusCode(403);
        given().auth().oauth2(other).when().get("/api/assessment/tests/" + testId + "/attempts")
                .then().statusCode(403);
        given().auth().oauth2(other).when().get("/api/assessment/tests")
                .then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(testId)));
        assertThat(QuizFixtures.row("SELECT count(*) AS n FROM bank_question WHERE test_id = ?", (long) testId)
                .get("n")).isEqualTo(0L);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(question)
                .when().post("/api/assessment/tests/" + testId + "/questions").then().statusCode(201);
        given().auth().oauth2(admin).when().get("/api/assessment/tests")
                .then().statusCode(200).body("id", hasItem(testId));
        given().auth().oauth2(INSTRUCTOR).when().get("/api/assessment/tests/" + testId + "/attempts")
                .then().statusCode(200);
    }

    @Test
    void aVerifiedTokenWithoutAUsableUserIdIs401Not500() {
        String noUser = DevTokens.forUser("x").groups("instructor").withoutClaim("sub").withoutClaim("upn")
                .withoutClaim("user_id").sign();
        given().auth().oauth2(noUser).contentType(ContentType.JSON)
                .body(Map.of("name", "Nobody's", "total_questions", 2))
                .when().post("/api/assessment/tests")
                .then().statusCode(401);
        String fractional = DevTokens.forUser("x").groups("instructor").claim("user_id", 1.5).sign();
        given().auth().oauth2(fractional).contentType(ContentType.JSON)
                .body(Map.of("name", "Half a user's", "total_questions", 2))
                .when().post("/api/assessment/tests")
                .then().statusCode(401);
    }

    @Test
    void openApiDescribesTheApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/assessment/tests"));
    }
}
