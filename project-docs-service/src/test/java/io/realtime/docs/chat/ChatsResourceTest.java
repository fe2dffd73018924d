package io.realtime.docs.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.Documents;
import io.realtime.docs.support.Projects;
import io.realtime.docs.support.SioClient;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;

/** Chats over REST: members create and list them and read the history the socket wrote, sources included. */
@QuarkusTest
class ChatsResourceTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void membersCreateChatsAndReadTheirHistoryOthersDoNot() {
        long project = Projects.create(pool, "Notes", "sam", "tia");
        long notes = Documents.markdown("sam", project, "notes.md", "The office opens at nine.");
        long chat = as("sam").body("{\"title\":\"Office\"}").post("/api/projects/" + project + "/chats").then()
                .statusCode(201).body("title", equalTo("Office")).body("project_id", equalTo((int) project))
                .body("created_by", equalTo("sam")).extract().jsonPath().getLong("id");
        as("tia").body("{}").post("/api/projects/" + project + "/chats").then().statusCode(201)
                .body("title", equalTo("New chat"));
        as("tia").get("/api/projects/" + project + "/chats").then().statusCode(200)
                .body("title", contains("New chat", "Office"));
        as("uma").get("/api/projects/" + project + "/chats").then().statusCode(404);
        as("uma").body("{}").post("/api/projects/" + project + "/chats").then().statusCode(404);

        try (SioClient client = SioClient.connect(base, DevTokens.token("tia"))) {
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"When does the office open?\"}");
            client.until("message_complete", Duration.ofSeconds(10));
        }
        as("sam").get("/api/projects/" + project + "/chats/" + chat + "/messages").then().statusCode(200)
                .body("messages", hasSize(2))
                .body("messages.role", contains("assistant", "user"))
                .body("messages[1].user_id", equalTo("tia"))
                .body("messages[1].content", equalTo("When does the office open?"))
                .body("messages[0].model", equalTo("extractive"))
                .body("messages[0].sources[0].metadata.document_id", equalTo((int) notes))
                .body("messages[0].sources[0].metadata.filename", equalTo("notes.md"))
                .body("next_before", nullValue());
        as("sam").get("/api/projects/" + project + "/chats/" + chat + "/messages?limit=1").then().statusCode(200)
                .body("messages", hasSize(1)).body("messages[0].role", equalTo("assistant"));
        as("uma").get("/api/projects/" + project + "/chats/" + chat + "/messages").then().statusCode(404);
        long elsewhere = Projects.create(pool, "Other", "sam");
        as("sam").get("/api/projects/" + elsewhere + "/chats/" + chat).then().statusCode(404)
                .body("error", equalTo("Chat " + chat + " not found"));
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + DevTokens.token(user)).contentType(ContentType.JSON);
    }
}
