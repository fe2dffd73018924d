package io.realtime.messaging.conversation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.token.DevTokens;
import io.realtime.kit.time.AdjustableClock;
import io.realtime.messaging.chat.MessageFlowTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;
import io.restassured.http.ContentType;

@QuarkusTest
class ConversationsResourceTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    /** Later test classes share this JVM's service clock: hand it back at real time. */
    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void participantsManageAConversationAndOthersCannotSeeIt() {
        String id = Conversations.create("owner-1", false, "member-1");
        given().auth().oauth2(DevTokens.token("owner-1")).when().get("/api/conversations/" + id)
                .then().statusCode(200).body("participants", contains("owner-1", "member-1"))
                .body("createdBy", equalTo("owner-1"));
        given().auth().oauth2(DevTokens.token("member-1")).when().get("/api/conversations")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(DevTokens.token("outsider-1")).when().get("/api/conversations")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(DevTokens.token("outsider-1")).when().get("/api/conversations/" + id)
                .then().statusCode(403).body("code", equalTo("NOT_PARTICIPANT"));
        given().auth().oauth2(DevTokens.token("outsider-1")).when().get("/api/conversations/" + id + "/messages")
                .then().statusCode(403);

        given().auth().oauth2(DevTokens.token("owner-1")).contentType(ContentType.JSON)
                .body(Map.of("userId", "member-2")).when().post("/api/conversations/" + id + "/participants")
                .then().statusCode(200).body("participants", containsInAnyOrder("owner-1", "member-1", "member-2"));
        given().auth().oauth2(DevTokens.token("owner-1")).when()
                .delete("/api/conversations/" + id + "/participants/member-1").then().statusCode(204);
        given().auth().oauth2(DevTokens.token("member-1")).when().get("/api/conversations/" + id)
                .then().statusCode(403);
    }

    @Test
    void onlyTheCreatorAddsOrRemovesOthersAndAnyoneMayLeave() {
        String id = Conversations.create("lead-1", false, "crew-1", "crew-2");
        given().auth().oauth2(DevTokens.token("crew-1")).contentType(ContentType.JSON)
                .body(Map.of("userId", "intruder")).when().post("/api/conversations/" + id + "/participants")
                .then().statusCode(403).body("code", equalTo("ACCESS_DENIED"));
        given().auth().oauth2(DevTokens.token("crew-1")).when()
                .delete("/api/conversations/" + id + "/participants/crew-2").then().statusCode(403);
        given().auth().oauth2(DevTokens.token("crew-1")).when()
                .delete("/api/conversations/" + id + "/participants/crew-1").then().statusCode(204); // leaves
        given().auth().oauth2(DevTokens.token("lead-1")).when().get("/api/conversations/" + id)
                .then().statusCode(200).body("participants", containsInAnyOrder("lead-1", "crew-2"));
        given().auth().oauth2(DevTokens.token("lead-1")).urlEncodingEnabled(false).when()
                .delete("/api/conversations/" + id + "/participants/crew%002").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void sizesAreLimitedAndBadTextIsRefused() {
        String tooLongTitle = "t".repeat(201);
        given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("title", tooLongTitle, "participants", List.of()))
                .when().post("/api/conversations").then().statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("title", "nul\u0000title", "participants", List.of()))
                .when().post("/api/conversations").then().statusCode(400);
        List<String> crowd = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "crowd-" + i).toList();
        given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("title", "crowded", "participants", crowd))
                .when().post("/api/conversations").then().statusCode(400).body("error", containsString("50"));
        given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("participants", List.of("x".repeat(129))))
                .when().post("/api/conversations").then().statusCode(400);
        String id = given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("title", "t".repeat(200), "participants", crowd.subList(0, 49)))
                .when().post("/api/conversations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token("sizer")).contentType(ContentType.JSON)
                .body(Map.of("userId", "one-too-many")).when().post("/api/conversations/" + id + "/participants")
                .then().statusCode(400).body("error", containsString("at most 50"));
    }

    @Test
    void theConversationListIsPaged() {
        for (int i = 0; i < 3; i++) {
            Conversations.create("lister", false);
        }
        given().auth().oauth2(DevTokens.token("lister")).queryParam("limit", 2).when().get("/api/conversations")
                .then().statusCode(200).body("size()", equalTo(2));
        given().auth().oauth2(DevTokens.token("lister")).queryParam("limit", 2).queryParam("offset", 2)
                .when().get("/api/conversations").then().statusCode(200).body("size()", equalTo(1));
        given().auth().oauth2(DevTokens.token("lister")).queryParam("limit", 1000).when().get("/api/conversations")
                .then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        String id = Conversations.create("pager", false);
        try (ChatClient pager = ChatClient.connect(base, "pager")) {
            for (int i = 1; i <= 5; i++) {
                pager.sendMessage("page-" + i, id, "m" + i);
                MessageFlowTest.statuses(pager, 3);
            }
        }
        String cursor = given().auth().oauth2(DevTokens.token("pager")).queryParam("limit", 2)
                .when().get("/api/conversations/" + id + "/messages")
                .then().statusCode(200).body("messages.content", contains("m5", "m4"))
                .body("messages[0].userId", equalTo("pager")).body("messages[0].role", equalTo("user"))
                .extract().path("nextCursor");
        String next = given().auth().oauth2(DevTokens.token("pager")).queryParam("limit", 2).queryParam("before", cursor)
                .when().get("/api/conversations/" + id + "/messages")
                .then().statusCode(200).body("messages.content", contains("m3", "m2")).extract().path("nextCursor");
        given().auth().oauth2(DevTokens.token("pager")).queryParam("limit", 2).queryParam("before", next)
                .when().get("/api/conversations/" + id + "/messages")
                .then().statusCode(200).body("messages.content", contains("m1")).body("nextCursor", nullValue());
    }

    @Test
    void creatingConversationsIsLimitedPerUserPerHourWith429AndRetryAfter() {
        for (int i = 0; i < 20; i++) {
            Conversations.create("prolific", false);
        }
        clock.advance(Duration.ofMinutes(10));
        String retryAfter = given().auth().oauth2(DevTokens.token("prolific")).contentType(ContentType.JSON)
                .body(Map.of("title", "one too many", "participants", List.of("someone")))
                .when().post("/api/conversations")
                .then().statusCode(429).contentType(ContentType.JSON)
                .body("code", equalTo("RATE_LIMIT"))
                .body("error", matchesPattern("Rate limit exceeded\\. Try again in \\d+ seconds"))
                .extract().header("Retry-After");
        // the first of the 20 leaves the rolling hour 50 minutes from now (less the seconds this test took)
        assertThat(Integer.parseInt(retryAfter)).isBetween(50 * 60 - 60, 50 * 60);
        Conversations.create("unhurried", false, "prolific"); // others are not affected
        assertThat(Conversations.storedCount("SELECT count(*) FROM conversation WHERE created_by = 'prolific'"))
                .isEqualTo(20);

        clock.advance(Duration.ofMinutes(51));
        Conversations.create("prolific", false);
        assertThat(Conversations.storedCount("SELECT count(*) FROM conversation WHERE created_by = 'prolific'"))
                .isEqualTo(21);
    }

    @Test
    void unknownConversationsAndMissingTokens() {
        given().auth().oauth2(DevTokens.token("someone")).when().get("/api/conversations/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("CONVERSATION_NOT_FOUND"));
        given().when().get("/api/conversations").then().statusCode(401);
        given().auth().oauth2(DevTokens.forUser("x").signedWithForeignKey().sign()).when().get("/api/conversations")
                .then().statusCode(401);
    }
}
