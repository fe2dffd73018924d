package io.realtime.messaging.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.token.DevTokens;
import io.restassured.http.ContentType;

/** Conversations created the way a client does it, through the REST API; rows read straight from PostgreSQL. */
public final class Conversations {

    private Conversations() {
    }

    public static String create(String creator, boolean includeAssistant, String... others) {
        return given().auth().oauth2(DevTokens.token(creator)).contentType(ContentType.JSON)
                .body(Map.of("title", "Test conversation", "participants", List.of(others), "includeAssistant",
                        includeAssistant))
                .when().post("/api/conversations")
                .then().statusCode(201).extract().path("id");
    }

    public static long storedCount(String sql, Object... params) {
        try (var db = EmbeddedInfra.postgres().connect("messaging"); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> storedContents(String conversationId) {
        try (var db = EmbeddedInfra.postgres().connect("messaging");
                var statement = db.prepareStatement(
                        "SELECT content FROM message WHERE conversation_id = ?::uuid ORDER BY seq")) {
            statement.setString(1, conversationId);
            try (var rows = statement.executeQuery()) {
                List<String> contents = new java.util.ArrayList<>();
                while (rows.next()) {
                    contents.add(rows.getString(1));
                }
                return contents;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
