package io.realtime.docs.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Projects over REST and the membership rules a client meets: 401 without a token, 404 to non-members, 403 to members who are not the owner. */
@QuarkusTest
class ProjectsResourceTest {

    @Test
    void theCreatorOwnsTheProjectAndAddsMembersWhoThenSeeIt() {
        long id = as("olga").body("{\"name\":\"  Fleet  \",\"description\":\"Cars\"}").post("/api/projects").then()
                .statusCode(201)
                .body("name", equalTo("Fleet")).body("description", equalTo("Cars"))
                .body("owner_id", equalTo("olga")).body("role", equalTo("owner"))
                .body("created_at", notNullValue())
                .extract().jsonPath().getLong("id");

        as("olga").get("/api/projects").then().statusCode(200).body("id", hasItem((int) id));
        as("pete").get("/api/projects").then().statusCode(200).body("id", not(hasItem((int) id)));
        as("pete").get("/api/projects/" + id).then().statusCode(404)
                .body("error", equalTo("Project " + id + " not found")).body("code", equalTo("NOT_FOUND"));
        as("pete").get("/api/projects/" + id + "/members").then().statusCode(404);

        as("olga").body("{\"user_id\":\"pete\"}").post("/api/projects/" + id + "/members").then().statusCode(200)
                .body("user_id", contains("olga", "pete")).body("role", contains("owner", "member"));
        as("pete").get("/api/projects/" + id).then().statusCode(200).body("role", equalTo("member"));
        as("pete").get("/api/projects/" + id + "/members").then().statusCode(200)
                .body("user_id", containsInAnyOrder("olga", "pete"));

        as("pete").body("{\"user_id\":\"quinn\"}").post("/api/projects/" + id + "/members").then().statusCode(403)
                .body("error", equalTo("Only the project's owner may change its members"));
        as("pete").delete("/api/projects/" + id + "/members/olga").then().statusCode(403);
        as("olga").delete("/api/projects/" + id + "/members/olga").then().statusCode(409)
                .body("error", equalTo("The owner cannot be removed from the project"));
        as("olga").delete("/api/projects/" + id + "/members/pete").then().statusCode(204);
        as("olga").delete("/api/projects/" + id + "/members/pete").then().statusCode(404);
        as("pete").get("/api/projects/" + id).then().statusCode(404);
    }

    @Test
    void badRequestsAreRefusedWithClearErrors() {
        given().get("/api/projects").then().statusCode(401);
        given().header("Authorization", "Bearer " + DevTokens.forUser("x").signedWithForeignKey().sign())
                .get("/api/projects").then().statusCode(401);
        as("rita").body("{}").post("/api/projects").then().statusCode(400).body("error", equalTo("name is required"));
        as("rita").body("{\"name\":\"" + "n".repeat(201) + "\"}").post("/api/projects").then().statusCode(400)
                .body("error", equalTo("name must be at most 200 characters"));
        as("rita").body("{\"name\":\"a\\u0000b\"}").post("/api/projects").then().statusCode(400);
        as("rita").get("/api/projects?limit=0").then().statusCode(400);
        as("rita").get("/api/projects/not-a-number").then().statusCode(404);
        long id = as("rita").body("{\"name\":\"Mine\"}").post("/api/projects").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as("rita").body("{}").post("/api/projects/" + id + "/members").then().statusCode(400)
                .body("error", equalTo("user_id is required: a user id of 1-128 characters"));
        as("rita").body("{\"user_id\":\"" + "u".repeat(129) + "\"}").post("/api/projects/" + id + "/members")
                .then().statusCode(400);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + DevTokens.token(user)).contentType(ContentType.JSON);
    }
}
