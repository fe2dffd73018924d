package io.realtime.chat.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.chat.support.Chat;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Sessions over REST: creation, the per-address limit, and who may read a session and its history. */
@QuarkusTest
class SessionsResourceTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void createWithOrWithoutTrailingSlash() {
        for (String path : new String[] { "/api/chats/sessions/", "/api/chats/sessions" }) {
            JsonNode body = Chat.json(given().header("X-Forwarded-For", "192.0.2.10").contentType(ContentType.JSON)
                    .post(path).then().statusCode(201).extract().asString());
            assertThat(Chat.fieldNames(body)).containsExactly("session_id", "visitor_id", "status",
                    "conversation_data", "created_at", "last_activity_at", "expires_at");
            UUID.fromString(body.get("session_id").asText());
            UUID.fromString(body.get("visitor_id").asText());
            assertThat(body.get("status").asText()).isEqualTo("active");
            assertThat(body.get("conversation_data").toString()).isEqualTo("{}");
            Instant created = Instant.parse(body.get("created_at").asText());
            assertThat(Duration.between(created, Instant.parse(body.get("expires_at").asText())))
                    .isEqualTo(Duration.ofHours(24));
            assertThat(body.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void aReturningVisitorKeepsItsId() {
        String visitor = UUID.randomUUID().toString();
        JsonNode body = Chat.json(given().header("X-Forwarded-For", "192.0.2.11").contentType(ContentType.JSON)
                .body("{\"visitor_id\":\"" + visitor + "\"}").post("/api/chats/sessions/").then().statusCode(201)
                .extract().asString());
        assertThat(body.get("visitor_id").asText()).isEqualTo(visitor);
        given().header("X-Forwarded-For", "192.0.2.11").contentType(ContentType.JSON)
                .body("{\"visitor_id\":\"not-a-uuid\"}").post("/api/chats/sessions/").then().statusCode(400);
        given().header("X-Forwarded-For", "192.0.2.11").contentType(ContentType.JSON)
                .body("{broken").post("/api/chats/sessions/").then().statusCode(400);
    }

    @Test
    void creationIsLimitedPerClientAddress() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 20; i++) {
            given().header("X-Forwarded-For", address).post("/api/chats/sessions/").then().statusCode(201);
        }
        Response refused = given().header("X-Forwarded-For", address).post("/api/chats/sessions/");
        assertThat(refused.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 600L);
        JsonNode body = Chat.json(refused.asString());
        assertThat(body.get("code").asText()).isEqualTo("rate_limited");
        assertThat(body.get("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(body.get("error").asText()).startsWith("Too many sessions created from this address");
        // another address is not affected
        given().header("X-Forwarded-For", "203.0.113.251").post("/api/chats/sessions/").then().statusCode(201);
    }

    @Test
    void onlyTheVisitorOrStaffReadASession() {
        Chat.Session session = Chat.create();
        Chat.Session other = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("What is a novated lease?", session));
            Chat.answer(socket);
        }
        String path = "/api/chats/sessions/" + session.sessionId();
        given().queryParam("visitor_id", session.visitorId()).get(path + "/").then().statusCode(200);
        given().header("X-Visitor-Id", session.visitorId()).get(path).then().statusCode(200);
        JsonNode view = Chat.json(given().header("X-Visitor-Id", session.visitorId()).get(path).asString());
        assertThat(Chat.fieldNames(view)).containsExactly("session_id", "visitor_id", "status", "conversation_data",
                "created_at", "last_activity_at", "expires_at");

        String staff = DevTokens.forUser("staff-1").groups("staff").sign();
        String notStaff = DevTokens.forUser("user-1").groups("user").sign();
        String foreign = DevTokens.forUser("staff-2").groups("staff").signedWithForeignKey().sign();
        given().auth().oauth2(staff).get(path + "/messages/").then().statusCode(200);

        String notFound = Chat.json(given().get("/api/chats/sessions/" + UUID.randomUUID()).asString()).toString();
        assertThat(notFound).isEqualTo("{\"error\":\"Session not found\",\"code\":\"not_found\"}");
        for (String sub : new String[] { "", "/", "/messages", "/messages/" }) {
            assertNotFound(given().get(path + sub), notFound);
            assertNotFound(given().queryParam("visitor_id", other.visitorId()).get(path + sub), notFound);
            assertNotFound(given().header("X-Visitor-Id", "junk").get(path + sub), notFound);
            assertNotFound(given().auth().oauth2(notStaff).get(path + sub), notFound);
            assertNotFound(given().auth().oauth2(foreign).get(path + sub), notFound);
        }
        assertNotFound(given().get("/api/chats/sessions/not-a-uuid/messages/"), notFound);
    }

    @Test
    void historyIsOldestFirstAndPaged() {
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            for (String question : new String[] { "What is FBT?", "Are tyres included?", "Can I novate a used car?" }) {
                socket.send(Chat.message(question, session));
                Chat.answer(socket);
            }
        }
        String path = "/api/chats/sessions/" + session.sessionId() + "/messages/";
        JsonNode all = Chat.json(given().header("X-Visitor-Id", session.visitorId()).get(path).asString());
        assertThat(all.get("messages")).hasSize(6);
        assertThat(all.at("/messages/0/content").asText()).isEqualTo("What is FBT?");
        assertThat(all.at("/messages/4/content").asText()).isEqualTo("Can I novate a used car?");
        assertThat(Chat.fieldNames(all.at("/messages/0"))).containsExactly("id", "role", "kind", "content",
                "created_at");
        assertThat(all.get("has_more").asBoolean()).isFalse();

        JsonNode page = Chat.json(given().header("X-Visitor-Id", session.visitorId()).queryParam("limit", 2)
                .queryParam("offset", 2).get(path).asString());
        assertThat(page.get("messages")).hasSize(2);
        assertThat(page.at("/messages/0/content").asText()).isEqualTo("Are tyres included?");
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(page.get("offset").asInt()).isEqualTo(2);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
    }

    private static void assertNotFound(Response response, String body) {
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Chat.json(response.asString()).toString()).isEqualTo(body);
    }
}
