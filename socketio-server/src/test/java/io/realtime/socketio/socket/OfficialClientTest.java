package io.realtime.socketio.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.infra.test.NodeScripts;
import io.realtime.socketio.support.TestServer;

/**
 * The official {@code socket.io-client} 4.x from npm (src/test/js) in the three set-ups the guide's clients use:
 * websocket only, websocket then polling (the guide's), and the default polling upgraded to websocket.
 */
class OfficialClientTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run socket.io-client");
        NodeScripts.install(CLIENT_DIR);
        server = new TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "websocket,polling", "default", "polling"})
    void theOfficialClientConnectsEmitsAcksAndCarriesBinary(String transports) throws Exception {
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "official-client.js",
                "http://localhost:" + server.port, transports), Duration.ofSeconds(60));
        JsonNode summary = new ObjectMapper().readTree(NodeScripts.lastLine(output));

        assertThat(summary.has("fatal")).as(summary.toString()).isFalse();
        assertThat(summary.get("connected").asBoolean()).isTrue();
        assertThat(summary.get("idLength").asInt()).isEqualTo(20);
        assertThat(summary.get("auth").toString()).isEqualTo("{\"token\":\"abc\"}");
        assertThat(summary.get("messageBack").toString()).isEqualTo("[1,\"two\",{\"three\":[true]},[1,2,3]]");
        assertThat(summary.get("ack").toString()).isEqualTo("[\"x\",[9,8]]");
        assertThat(summary.get("bigLength").asInt()).isEqualTo(500_000);
        assertThat(summary.get("customAuth").toString()).isEqualTo("{\"token\":\"abc\"}");
        assertThat(summary.get("randomError").asText()).isEqualTo("Invalid namespace");
        assertThat(summary.get("sameManager").asBoolean()).isTrue();
        assertThat(summary.get("disconnectReason").asText()).isEqualTo("io client disconnect");
        switch (transports) {
            case "websocket", "websocket,polling" -> {
                assertThat(summary.get("firstTransport").asText()).isEqualTo("websocket");
                assertThat(summary.get("finalTransport").asText()).isEqualTo("websocket");
            }
            case "default" -> assertThat(summary.get("finalTransport").asText()).isEqualTo("websocket");
            default -> assertThat(summary.get("finalTransport").asText()).isEqualTo("polling");
        }
    }
}
