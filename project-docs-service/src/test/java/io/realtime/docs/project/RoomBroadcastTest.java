package io.realtime.docs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.Projects;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A room of 300 members on the official client: one uploads a document and every member hears document_added and
 * the document's status events, in progress order, up to completed (they travel through Kafka to the room).
 */
@QuarkusTest
class RoomBroadcastTest {

    private static final int MEMBERS = 300;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void everyMemberOfA300MemberRoomHearsTheDocumentEvents() throws Exception {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run socket.io-client");
        Path dir = Path.of("src/test/js");
        NodeScripts.install(dir);
        String[] users = IntStream.range(0, MEMBERS).mapToObj(i -> "room-member-" + i).toArray(String[]::new);
        long project = Projects.create(pool, "Big room", users[0], java.util.Arrays.copyOfRange(users, 1, MEMBERS));
        Path tokens = Files.createTempFile("room-tokens", ".txt");
        Files.write(tokens, java.util.Arrays.stream(users).map(DevTokens::token).toList());

        String output = NodeScripts.run(dir, List.of("node", "room-broadcast.js",
                base.toString().replaceAll("/$", ""), tokens.toString(), String.valueOf(project)),
                Duration.ofSeconds(120));
        JsonNode seen = new ObjectMapper().readTree(NodeScripts.lastLine(output));

        assertThat(seen.has("fatal")).as(seen.toString()).isFalse();
        assertThat(seen.get("joined").asInt()).isEqualTo(MEMBERS);
        assertThat(seen.get("uploadStatus").asInt()).isEqualTo(202);
        assertThat(seen.get("sawAdded").asInt()).isEqualTo(MEMBERS);
        assertThat(seen.get("sawCompleted").asInt()).isEqualTo(MEMBERS);
        assertThat(seen.get("progressInOrder").asInt()).isEqualTo(MEMBERS);
        Files.deleteIfExists(tokens);
    }
}
