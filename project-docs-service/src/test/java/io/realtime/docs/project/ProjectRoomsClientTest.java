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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.Projects;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The guide's connect / join / leave / ping code on the official {@code socket.io-client} 4.8.1 (src/test/js), in
 * the three set-ups: websocket only (the React component's), websocket then polling (the guide's connect example),
 * and the default polling upgraded to websocket. Asserts what the client sees.
 */
@QuarkusTest
class ProjectRoomsClientTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "websocket,polling", "default"})
    void theGuidesClientConnectsJoinsLeavesAndIsToldWhatIsWrong(String transports) throws Exception {
        long own = Projects.create(pool, "Alice's handbook", "alice-" + transports);
        long other = Projects.create(pool, "Bob's notes", "bob-" + transports);
        String url = base.toString().replaceAll("/$", "");

        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-rooms.js", url, transports,
                DevTokens.token("alice-" + transports), String.valueOf(own), String.valueOf(other),
                DevTokens.forUser("x").signedWithForeignKey().sign()), Duration.ofSeconds(60));
        JsonNode seen = new ObjectMapper().readTree(NodeScripts.lastLine(output));

        assertThat(seen.has("fatal")).as(seen.toString()).isFalse();
        assertThat(seen.at("/noToken/message").asText())
                .isEqualTo("Authentication required: connect with auth: {token: '<JWT>'}");
        assertThat(seen.at("/noToken/data/code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(seen.at("/badToken/message").asText()).isEqualTo("Invalid or expired token");
        assertThat(seen.at("/badToken/data/code").asText()).isEqualTo("AUTH_FAILED");

        assertThat(seen.get("connected").asBoolean()).isTrue();
        assertThat(seen.at("/status/status").asText()).isEqualTo("connected");
        assertThat(seen.at("/status/user_id").asText()).isEqualTo("alice-" + transports);
        assertThat(seen.get("sidMatches").asBoolean()).isTrue();
        assertThat(seen.at("/joined/project_id").asLong()).isEqualTo(own);
        assertThat(seen.at("/left/project_id").asLong()).isEqualTo(own);
        assertThat(seen.get("pongAge").asLong()).isBetween(0L, 5_000L);

        List<String> errors = new ArrayList<>();
        seen.get("errors").forEach(error -> errors.add(error.get("message").asText()));
        assertThat(errors).containsExactlyInAnyOrder(
                "Project " + other + " not found",
                "Project 999999 not found",
                "project_id is required",
                "project_id must be a positive integer",
                "Invalid data for join_project: expected an object like {project_id: 1}",
                "Not in project " + own);
        assertThat(seen.get("finalTransport").asText()).isEqualTo("websocket");
        assertThat(seen.get("disconnectReason").asText()).isEqualTo("io client disconnect");
    }
}
