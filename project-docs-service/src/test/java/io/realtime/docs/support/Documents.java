package io.realtime.docs.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.realtime.infra.token.DevTokens;

/** Test data: documents uploaded over REST like a client does, and waited for until ingested. */
public final class Documents {

    private Documents() {
    }

    /** Uploads a Markdown file and waits until it is completed; returns its id. */
    public static long markdown(String user, long projectId, String filename, String text) {
        return ingest(user, projectId, filename, text.getBytes(StandardCharsets.UTF_8), "text/markdown");
    }

    /** Uploads a PDF with these pages (each a list of lines) and waits until it is completed; returns its id. */
    public static long pdf(String user, long projectId, String filename, List<List<String>> pages) {
        return ingest(user, projectId, filename, Pdfs.pages(pages), "application/pdf");
    }

    private static long ingest(String user, long projectId, String filename, byte[] content, String type) {
        String documents = "/api/projects/" + projectId + "/documents";
        long id = given().auth().oauth2(DevTokens.token(user)).multiPart("file", filename, content, type)
                .post(documents).then().statusCode(202).extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.token(user)).get(documents + "/" + id).then()
                        .body("status", equalTo("completed")));
        return id;
    }
}
