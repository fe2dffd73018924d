package io.realtime.docs.chat;

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
import io.realtime.docs.support.Documents;
import io.realtime.docs.support.Projects;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The guide's React ChatComponent (its handlers as written) on the official socket.io-client 4.8.1 in the three
 * transport set-ups: connect, join the project, send, collect sources and tokens, render the sources.
 */
@QuarkusTest
class GuideChatClientTest {

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
    void theReactComponentGetsSourcesThenTheStreamedAnswer(String transports) throws Exception {
        String user = "react-" + transports.replace(',', '-');
        long project = Projects.create(pool, "Policies", user);
        long chat = Projects.chat(pool, project, "Travel");
        long travel = Documents.pdf(user, project, "travel.pdf", List.of(List.of("Travel policy."),
                List.of("Offices are open on weekdays."),
                List.of("Travel must be booked two weeks ahead.", "Hotels are paid by the company.")));
        long expenses = Documents.markdown(user, project, "expenses.md", "Meals are refunded up to 40 euros a day.");
        String url = base.toString().replaceAll("/$", "");

        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-chat.js", url, transports,
                DevTokens.token(user), String.valueOf(project), String.valueOf(chat),
                "How far ahead must travel be booked?"), Duration.ofSeconds(60));
        JsonNode seen = new ObjectMapper().readTree(NodeScripts.lastLine(output));

        assertThat(seen.has("fatal")).as(seen.toString()).isFalse();
        assertThat(seen.get("errors")).isEmpty();
        List<String> events = new ArrayList<>();
        seen.get("seen").forEach(event -> events.add(event.asText()));
        // the room's own events (the uploads' last document_status may still be on its way) are not the chat's
        events.removeIf(event -> event.equals("document_status") || event.equals("project_update"));
        assertThat(events.subList(0, 4)).containsExactly("connection_status", "project_joined", "message_received",
                "message_sources");
        assertThat(events.get(events.size() - 1)).isEqualTo("message_complete");
        assertThat(events.subList(4, events.size() - 1)).isNotEmpty().containsOnly("message_token");
        assertThat(seen.get("response").asText()).startsWith("From the project's documents:")
                .contains("Travel must be booked two weeks ahead. [1]");
        List<String> rendered = new ArrayList<>();
        seen.get("rendered").forEach(line -> rendered.add(line.asText()));
        assertThat(rendered).hasSize(4).startsWith("Document " + travel + ", Page 3")
                .contains("Document " + expenses + ", Page 1");
        assertThat(seen.at("/completed/metadata/sources_count").asInt()).isEqualTo(4);
        assertThat(seen.at("/completed/metadata/model").asText()).isEqualTo("extractive");
        assertThat(seen.get("transport").asText()).isEqualTo("websocket");
        assertThat(seen.get("reason").asText()).isEqualTo("io client disconnect");
    }
}
