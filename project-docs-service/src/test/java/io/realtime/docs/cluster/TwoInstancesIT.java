package io.realtime.docs.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.docs.support.Pdfs;
import io.realtime.docs.support.RoomMember;
import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.test.PackagedInstance;
import io.realtime.infra.token.DevTokens;

/**
 * Two instances of the packaged service, each its own JVM, on one PostgreSQL and one Kafka: a document uploaded to
 * instance A is ingested (by whichever instance claims it), and the room members on both instances see its
 * {@code project_update} and every {@code document_status} event.
 */
class TwoInstancesIT {

    private static final List<PackagedInstance> instances = new ArrayList<>();
    private static URI a;
    private static URI b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String jar = System.getProperty("quarkus.app.jar");
        assumeTrue(jar != null && Files.exists(Path.of(jar)), "the packaged service (quarkus-run.jar) is not built");
        EmbeddedInfra.postgres().ensureDatabase("docs");
        a = start("a", jar);
        b = start("b", jar);
    }

    private static URI start(String name, String jar) throws Exception {
        PackagedInstance instance = PackagedInstance.start(name, jar, "docs", "384m", Map.of());
        instances.add(instance);
        return instance.base();
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(PackagedInstance::close);
    }

    @Test
    void documentStatusEventsReachRoomMembersOnBothInstances() throws Exception {
        long project = createProject("Shared manuals", "hal", "ivy");
        try (RoomMember onA = RoomMember.join(a, "hal", project).awaitEventsFlowing();
                RoomMember onB = RoomMember.join(b, "ivy", project).awaitEventsFlowing()) {
            byte[] pdf = Pdfs.pages(List.of(
                    List.of("Volume one: the lighthouse.", "The keeper trims the lamp wick every evening at dusk."),
                    List.of("Volume two: the harbour.", "Fishing boats unload their catch at dawn on the east pier.")));
            long document = given().auth().oauth2(DevTokens.token("hal"))
                    .multiPart("file", "manual.pdf", pdf, "application/pdf")
                    .post(a.resolve("/api/projects/" + project + "/documents")).then().statusCode(202)
                    .extract().jsonPath().getLong("id");

            for (RoomMember member : List.of(onB, onA)) {
                List<Integer> progress = new ArrayList<>();
                JsonNode status;
                do {
                    status = member.expect("document_status", data -> data.get("document_id").asLong() == document);
                    progress.add(status.get("progress").asInt());
                } while (status.get("status").asText().equals("processing"));
                assertThat(status.get("status").asText()).isEqualTo("completed");
                assertThat(progress).isSorted().hasSizeGreaterThanOrEqualTo(3).endsWith(100);
                assertThat(member.seen()).anySatisfy(event -> {
                    assertThat(event.name()).isEqualTo("project_update");
                    assertThat(event.data().get("type").asText()).isEqualTo("document_added");
                    assertThat(event.data().at("/data/document_id").asLong()).isEqualTo(document);
                });
            }
            assertThat(given().auth().oauth2(DevTokens.token("ivy"))
                    .get(b.resolve("/api/projects/" + project + "/documents")).then().statusCode(200)
                    .extract().jsonPath().getString("[0].status")).isEqualTo("completed");
        }
    }

    private static long createProject(String name, String owner, String member) throws SQLException {
        try (Connection db = EmbeddedInfra.postgres().connect("docs")) {
            long id;
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into project (name, owner_id) values (?, ?) returning id")) {
                insert.setString(1, name);
                insert.setString(2, owner);
                try (ResultSet rows = insert.executeQuery()) {
                    rows.next();
                    id = rows.getLong(1);
                }
            }
            try (PreparedStatement members = db.prepareStatement(
                    "insert into project_member (project_id, user_id, role) values (?, ?, ?)")) {
                for (String[] row : new String[][] { { owner, "owner" }, { member, "member" } }) {
                    members.setLong(1, id);
                    members.setString(2, row[0]);
                    members.setString(3, row[1]);
                    members.executeUpdate();
                }
            }
            return id;
        }
    }
}
