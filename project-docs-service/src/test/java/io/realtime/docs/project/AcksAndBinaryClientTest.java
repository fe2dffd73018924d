package io.realtime.docs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
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
 * The official client's {@code emitWithAck} on the guide's events: each acknowledgement carries the answer's data
 * (the answer event is emitted too); binary payloads where text is expected get the same clear errors.
 */
@QuarkusTest
class AcksAndBinaryClientTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @BeforeAll
    static void install() {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run socket.io-client");
        NodeScripts.install(CLIENT_DIR);
    }

    @Test
    void acknowledgementsCarryTheAnswersAndBinaryIsRefusedClearly() throws Exception {
        long project = Projects.create(pool, "Acks", "wes");
        long chat = Projects.chat(pool, project, "Acked");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "acks-binary.js",
                base.toString().replaceAll("/$", ""), DevTokens.token("wes"), String.valueOf(project),
                String.valueOf(chat)), Duration.ofSeconds(60));
        JsonNode seen = new ObjectMapper().readTree(NodeScripts.lastLine(output));

        assertThat(seen.has("fatal")).as(seen.toString()).isFalse();
        assertThat(seen.at("/joinAck/project_id").asLong()).isEqualTo(project);
        assertThat(seen.at("/pingAck/timestamp").asLong()).isPositive();
        assertThat(seen.at("/badJoinAck/message").asText()).isEqualTo("project_id must be a positive integer");
        assertThat(seen.at("/binaryJoinAck/message").asText())
                .isEqualTo("Invalid data for join_project: expected an object like {project_id: 1}");
        assertThat(seen.at("/sendAck/chat_id").asLong()).isEqualTo(chat);
        assertThat(seen.at("/sendAck/message_id").asLong()).isPositive();
        assertThat(seen.at("/binarySendAck/message").asText()).isEqualTo("message is required: the question as text");
        assertThat(seen.at("/binarySendAck/chat_id").asLong()).isEqualTo(chat);
        assertThat(seen.at("/unknownAck/message").asText()).isEqualTo("Unknown event: rename_project");
        assertThat(seen.at("/leaveAck/project_id").asLong()).isEqualTo(project);
        List<String> errors = new ArrayList<>();
        seen.get("errors").forEach(error -> errors.add(error.asText()));
        assertThat(errors).containsExactly("project_id must be a positive integer",
                "Invalid data for join_project: expected an object like {project_id: 1}",
                "message is required: the question as text", "Unknown event: rename_project");
    }
}
