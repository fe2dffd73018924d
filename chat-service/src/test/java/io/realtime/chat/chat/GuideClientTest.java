package io.realtime.chat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.chat.support.Chat;
import io.realtime.infra.test.NodeScripts;
import io.realtime.kit.time.AdjustableClock;

/**
 * The guide's own {@code ChatWebSocket} class (src/test/js/guide-client.js, copied unchanged) on Node's {@code ws}:
 * a session over REST, an answer assembled from its chunks, the guide's five error strings, and its reconnect.
 */
@QuarkusTest
class GuideClientTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    @BeforeAll
    static void installClient() {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run the guide's client");
        NodeScripts.install(CLIENT_DIR);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theGuidesClientChatsUnchanged() throws Exception {
        Chat.Session expired = Chat.create();
        clock.advance(Duration.ofHours(25)); // that session is now past its 24 hours
        String http = base.toString().replaceFirst("/$", "");
        String ws = http.replaceFirst("^http", "ws");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-client.js", ws, http, expired.sessionId(),
                expired.visitorId()), Duration.ofSeconds(90));
        JsonNode summary = Chat.json(NodeScripts.lastLine(output));

        assertThat(summary.has("fatal")).as(summary.toString()).isFalse();
        assertThat(summary.get("firstText").asText()).startsWith("A novated lease is a three-way agreement");
        assertThat(summary.get("firstChunks").asInt()).isGreaterThan(10);
        assertThat(summary.get("firstMessageIds")).hasSize(1);
        JsonNode complete = summary.get("firstComplete");
        assertThat(complete.get("messageId").asText()).isEqualTo(summary.at("/firstMessageIds/0").asText());
        assertThat(complete.get("responseId").asText()).isNotBlank();
        assertThat(complete.get("complete").asBoolean()).isFalse();
        assertThat(complete.get("needsInfo").asBoolean()).isTrue();
        assertThat(complete.get("suggestions")).hasSize(3);
        assertThat(complete.get("conversationData").toString()).isEqualTo("{}");

        assertThat(summary.get("errors")).extracting(JsonNode::asText).containsExactly("message is required",
                "Session not found", "Visitor ID does not match", "Session has expired", "Session is not active");
        assertThat(summary.at("/detailsComplete/complete").asBoolean()).isTrue();
        assertThat(summary.at("/detailsComplete/conversationData/email").asText()).isEqualTo("jane@example.com");

        assertThat(summary.get("closes").asInt()).isEqualTo(1);
        assertThat(summary.get("reconnectAttempts").asInt()).isZero(); // reset by the reconnected socket's onopen
        assertThat(summary.get("afterReconnectText").asText()).contains("Tyres");
        // the class hands only chunk and complete to onMessage (errors go to onError, connected is ignored)
        assertThat(summary.get("types")).extracting(JsonNode::asText).containsExactlyInAnyOrder("chunk", "complete");
    }
}
