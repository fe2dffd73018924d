package io.realtime.media.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.NodeScripts;
import io.realtime.media.support.Stream;

/**
 * The guide's hook flow (src/test/js/guide-client.js) on Node's {@code ws}: no token, as the guide's code sends; and
 * the test page's own script (src/test/js/test-page-script.js runs it with a minimal DOM; a real browser test comes
 * with the browser issue).
 */
@QuarkusTest
class GuideClientTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void installClient() {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run the guide's client");
        NodeScripts.install(CLIENT_DIR);
    }

    @Test
    void theTestPagesOwnScriptConnectsAndExchangesFrames() {
        String http = base.toString().replaceFirst("/$", "");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "test-page-script.js", http),
                Duration.ofSeconds(60));
        JsonNode summary = Stream.json(NodeScripts.lastLine(output));
        assertThat(summary.has("fatal")).as(summary.toString()).isFalse();
        assertThat(summary.get("status").asInt()).isEqualTo(200);
        for (String step : List.of("established", "pong", "chat", "test", "audio", "badJson", "closed")) {
            assertThat(summary.get(step).asBoolean()).as(step + " in " + summary).isTrue();
        }
        assertThat(summary.at("/state/clientId").asText()).isNotBlank();
    }

    @Test
    void theGuidesFlowWorksUnchanged() {
        String ws = base.toString().replaceFirst("/$", "").replaceFirst("^http", "ws");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-client.js", ws), Duration.ofSeconds(90));
        JsonNode summary = Stream.json(NodeScripts.lastLine(output));

        assertThat(summary.has("fatal")).as(summary.toString()).isFalse();
        assertThat(summary.at("/established/message").asText()).isEqualTo("Connected to media stream session");
        assertThat(summary.at("/pong/session_id").asText()).isEqualTo(summary.at("/established/session_id").asText());
        for (String chat : List.of("aliceChat", "bobChat")) {
            assertThat(summary.at("/" + chat + "/message").asText()).isEqualTo("Hello, world!");
            assertThat(summary.at("/" + chat + "/from").asText()).isEqualTo(summary.get("aliceId").asText());
        }
        assertThat(summary.at("/audio/bytes").asInt()).isEqualTo(10); // new Blob(['audio data'])
        assertThat(summary.at("/video/bytes").asInt()).isEqualTo(2048);
        assertThat(summary.at("/test/data/hello").asText()).isEqualTo("world");
        assertThat(summary.at("/transcriptionError/error").asText()).startsWith("Unsupported audio format");
        assertThat(summary.get("errors")).extracting(error -> error.get("code").asText()).containsExactly(
                "INVALID_JSON", "UNKNOWN_MESSAGE_TYPE", "VALIDATION_ERROR", "VALIDATION_ERROR");
        assertThat(summary.at("/pongAfterErrors/type").asText()).isEqualTo("pong");
        // isolation: the other session's client got only its own welcome
        assertThat(summary.get("strangerTypes")).extracting(JsonNode::asText).containsExactly("connection_established");
        assertThat(summary.get("bobTypes")).extracting(JsonNode::asText).containsExactly("connection_established");
    }
}
