package io.realtime.docs.document;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.document.domain.RetrievedChunk;
import io.realtime.docs.document.service.Retrieval;
import io.realtime.docs.document.service.TextExtractor;
import io.realtime.docs.support.Pdfs;
import io.realtime.docs.support.Projects;
import io.realtime.docs.support.RoomMember;
import io.realtime.infra.token.DevTokens;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Documents end to end, as a client sees them: uploads over REST with a dev JWT, the project room's
 * {@code project_update} and {@code document_status} events on a Socket.IO member's socket, the REST list, and
 * retrieval finding the right chunk and page. Real PDFs (made with PDFBox), Markdown, failures, authorisation,
 * deletion, and a document left {@code processing} by a dead instance.
 */
@QuarkusTest
class DocumentIngestionTest {

    private static final List<List<String>> HANDBOOK = List.of(
            List.of("Chapter one: the Jupiter probe.",
                    "The probe swings around Jupiter in a gravity assist that bends its orbit toward Saturn.",
                    "Its thrusters burn hydrazine for small corrections of the trajectory."),
            List.of("Chapter two: alpine plants.",
                    "Plants high in the mountains absorb strong ultraviolet light with extra pigments.",
                    "Their leaves are small and hairy, which keeps water in during cold dry winds."),
            List.of("Chapter three: sourdough bread.",
                    "A sourdough starter of flour and water ferments for days before it leavens the dough.",
                    "Bakers fold the dough every half hour and bake it in a very hot covered pot."));

    private static final String MARKDOWN = """
            # Office handbook

            Welcome to the office. This handbook explains daily routines.

            ## Parking

            Visitors park in the underground garage on level minus two; the gate code is given at reception.

            ## Coffee machine

            The espresso machine is descaled every Friday afternoon by the facilities team.
            """;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    Retrieval retrieval;

    @Test
    void aPdfAndAMarkdownFileAreIngestedSeenInTheRoomAndRetrieved() throws Exception {
        long project = Projects.create(pool, "Handbooks", "ann", "ben");
        try (RoomMember ben = RoomMember.join(URI.create(base.toString()), "ben", project).awaitEventsFlowing()) {
            Response uploaded = upload("ann", project, "handbook.pdf", Pdfs.pages(HANDBOOK), "application/pdf");
            uploaded.then().statusCode(202).body("status", equalTo("processing")).body("filename",
                    equalTo("handbook.pdf")).body("project_id", equalTo((int) project));
            long pdf = uploaded.jsonPath().getLong("id");

            JsonNode added = ben.expect("project_update", data -> data.get("type").asText().equals("document_added"));
            assertThat(added.at("/data/document_id").asLong()).isEqualTo(pdf);
            assertThat(added.at("/data/filename").asText()).isEqualTo("handbook.pdf");
            List<Integer> progress = progressUntilDone(ben, pdf);
            assertThat(progress).isSorted().hasSizeGreaterThanOrEqualTo(3).hasSizeLessThanOrEqualTo(10);
            assertThat(progress.get(progress.size() - 1)).isLessThan(100);

            given().auth().oauth2(DevTokens.token("ben")).get(documents(project) + "/" + pdf).then().statusCode(200)
                    .body("status", equalTo("completed")).body("progress", equalTo(100))
                    .body("page_count", equalTo(3)).body("chunk_count", equalTo(3));

            List<RetrievedChunk> found = search(project, "How do mountain plants cope with ultraviolet light?");
            assertThat(found).isNotEmpty();
            assertThat(found.get(0).documentId()).isEqualTo(pdf);
            assertThat(found.get(0).page()).isEqualTo(2);
            assertThat(found.get(0).filename()).isEqualTo("handbook.pdf");
            assertThat(found.get(0).content()).contains("ultraviolet");
            assertThat(search(project, "What does the starter need before baking?").get(0).page()).isEqualTo(3);

            Response markdown = upload("ben", project, "office.md", MARKDOWN.getBytes(StandardCharsets.UTF_8),
                    "text/markdown");
            markdown.then().statusCode(202);
            long md = markdown.jsonPath().getLong("id");
            progressUntilDone(ben, md);
            List<RetrievedChunk> parking = search(project, "Where can visitors park their car?");
            assertThat(parking.get(0).documentId()).isEqualTo(md);
            assertThat(parking.get(0).page()).isNull();
            assertThat(parking.get(0).content()).contains("underground garage");
            assertThat(parking.get(0).score()).isGreaterThan(parking.get(parking.size() - 1).score());

            List<Long> listed = given().auth().oauth2(DevTokens.token("ann")).get(documents(project)).then()
                    .statusCode(200).extract().jsonPath().getList("id", Long.class);
            assertThat(listed).containsExactly(pdf, md);
        }
    }

    @Test
    void unreadableDocumentsFailWithTheirReasonAndBadUploadsAreRefused() {
        long project = Projects.create(pool, "Failures", "cat");
        try (RoomMember cat = RoomMember.join(URI.create(base.toString()), "cat", project).awaitEventsFlowing()) {
            long encrypted = upload("cat", project, "locked.pdf", Pdfs.encrypted(HANDBOOK), "application/pdf")
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            JsonNode failed = cat.expect("document_status", data -> data.get("document_id").asLong() == encrypted
                    && data.get("status").asText().equals("failed"));
            assertThat(failed.get("error").asText()).isEqualTo(TextExtractor.ENCRYPTED);

            long scanned = upload("cat", project, "scan.pdf", Pdfs.blank(2), "application/pdf")
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            assertThat(cat.expect("document_status", data -> data.get("document_id").asLong() == scanned
                    && data.get("status").asText().equals("failed")).get("error").asText())
                    .isEqualTo(TextExtractor.NO_TEXT);

            long corrupt = upload("cat", project, "broken.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8),
                    "application/pdf").then().statusCode(202).extract().jsonPath().getLong("id");
            assertThat(cat.expect("document_status", data -> data.get("document_id").asLong() == corrupt
                    && data.get("status").asText().equals("failed")).get("error").asText())
                    .isEqualTo(TextExtractor.NOT_A_PDF);
            given().auth().oauth2(DevTokens.token("cat")).get(documents(project) + "/" + scanned).then()
                    .body("status", equalTo("failed")).body("error", equalTo(TextExtractor.NO_TEXT));
        }

        upload("cat", project, "slides.pptx", new byte[] { 1, 2, 3 }, "application/octet-stream").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_TYPE"));
        upload("cat", project, "big.txt", new byte[1_500_000], "text/plain").then()
                .statusCode(413).body("code", equalTo("TOO_LARGE"))
                .body("error", equalTo("The file is 1500000 bytes; at most 1048576 bytes are accepted"));
        upload("cat", project, "empty.txt", new byte[0], "text/plain").then()
                .statusCode(400).body("code", equalTo("INVALID")).body("error", equalTo("The file is empty"));
        given().auth().oauth2(DevTokens.token("cat")).multiPart("other", "x").post(documents(project)).then()
                .statusCode(400);
    }

    @Test
    void onlyMembersSeeUploadOrDeleteAProjectsDocuments() {
        long project = Projects.create(pool, "Private", "dan");
        long document = upload("dan", project, "notes.txt", "Private notes about the budget.".getBytes(
                StandardCharsets.UTF_8), "text/plain").then().statusCode(202).extract().jsonPath().getLong("id");
        String stranger = DevTokens.token("eve");
        given().auth().oauth2(stranger).get(documents(project)).then().statusCode(404)
                .body("error", equalTo("Project " + project + " not found"));
        given().auth().oauth2(stranger).get(documents(project) + "/" + document).then().statusCode(404);
        upload("eve", project, "mine.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain").then()
                .statusCode(404);
        given().auth().oauth2(stranger).delete(documents(project) + "/" + document).then().statusCode(404);
        given().get(documents(project)).then().statusCode(401);
        given().auth().oauth2(DevTokens.token("dan")).get(documents(project)).then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void deletingADocumentRemovesItsChunksAndItsPlaceInRetrieval() {
        long project = Projects.create(pool, "Deletion", "fay");
        try (RoomMember fay = RoomMember.join(URI.create(base.toString()), "fay", project).awaitEventsFlowing()) {
            long keep = upload("fay", project, "keep.md", "# Tea\n\nGreen tea is steeped at eighty degrees."
                    .getBytes(StandardCharsets.UTF_8), "text/markdown").jsonPath().getLong("id");
            long gone = upload("fay", project, "gone.md", "# Volcanoes\n\nLava flows from the volcano's crater."
                    .getBytes(StandardCharsets.UTF_8), "text/markdown").jsonPath().getLong("id");
            progressUntilDone(fay, keep);
            progressUntilDone(fay, gone);
            assertThat(search(project, "Where does lava come from?").get(0).documentId()).isEqualTo(gone);

            given().auth().oauth2(DevTokens.token("fay")).delete(documents(project) + "/" + gone).then()
                    .statusCode(204);
            JsonNode deleted = fay.expect("project_update", data -> data.get("type").asText()
                    .equals("document_deleted"));
            assertThat(deleted.at("/data/document_id").asLong()).isEqualTo(gone);
            assertThat(chunkCount(gone)).isZero();
            assertThat(search(project, "Where does lava come from?")).extracting(RetrievedChunk::documentId)
                    .containsOnly(keep);
            given().auth().oauth2(DevTokens.token("fay")).get(documents(project) + "/" + gone).then()
                    .statusCode(404);
            given().auth().oauth2(DevTokens.token("fay")).delete(documents(project) + "/" + gone).then()
                    .statusCode(404);
        }
    }

    @Test
    void aDocumentLeftProcessingByADeadInstanceIsPickedUpAgain() {
        long project = Projects.create(pool, "Restart", "gus");
        long orphan = insertClaimed(project, "orphan.txt", "The lighthouse keeper trims the lamp wick at dusk.", 1);
        long hopeless = insertClaimed(project, "hopeless.txt", "Never finishes.", 3);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(DevTokens.token("gus"))
                .get(documents(project) + "/" + orphan).then().body("status", equalTo("completed")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(DevTokens.token("gus"))
                .get(documents(project) + "/" + hopeless).then().body("status", equalTo("failed"))
                .body("error", equalTo("Processing was interrupted 3 times; giving up on this document")));
        assertThat(search(project, "Who trims the lamp?").get(0).documentId()).isEqualTo(orphan);
    }

    /** A document row as an instance that crashed mid-ingestion leaves it: processing, its claim expired. */
    private long insertClaimed(long project, String filename, String text, int attempts) {
        long id = pool.preparedQuery("insert into document (project_id, filename, kind, content_type, size_bytes,"
                + " status, progress, uploaded_by, claimed_by, claim_expires_at, attempts) values ($1, $2, 'text',"
                + " 'text/plain', $3, 'processing', 35, 'gus', 'instance-dead', now() - interval '1 minute', $4)"
                + " returning id").execute(Tuple.of(project, filename, text.length(), attempts))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
        pool.preparedQuery("insert into document_file (document_id, content) values ($1, $2)")
                .execute(Tuple.of(id, io.vertx.core.buffer.Buffer.buffer(text)))
                .await().atMost(Duration.ofSeconds(10));
        return id;
    }

    /** The processing progress values the member sees for the document, until completed (asserted). */
    static List<Integer> progressUntilDone(RoomMember member, long document) {
        List<Integer> progress = new ArrayList<>();
        while (true) {
            JsonNode status = member.expect("document_status", data -> data.get("document_id").asLong() == document);
            String state = status.get("status").asText();
            if (state.equals("completed")) {
                assertThat(status.get("progress").asInt()).isEqualTo(100);
                return progress;
            }
            assertThat(state).as(status.toString()).isEqualTo("processing");
            progress.add(status.get("progress").asInt());
        }
    }

    private List<RetrievedChunk> search(long project, String question) {
        return retrieval.search(project, question, 3).await().atMost(Duration.ofSeconds(30));
    }

    private long chunkCount(long document) {
        return pool.preparedQuery("select count(*) as n from document_chunk where document_id = $1")
                .execute(Tuple.of(document)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }

    private Response upload(String user, long project, String filename, byte[] content, String type) {
        return given().auth().oauth2(DevTokens.token(user)).multiPart("file", filename, content, type)
                .post(documents(project));
    }

    private String documents(long project) {
        return base + "api/projects/" + project + "/documents";
    }
}
