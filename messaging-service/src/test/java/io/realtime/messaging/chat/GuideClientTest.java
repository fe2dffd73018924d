package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.token.DevTokens;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

/** The guide's client code (src/test/js/guide-client.js) on Node's {@code ws}: two users in one conversation. */
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
    void twoUsersConverseAndSeeTheSameConversation() throws Exception {
        String conversation = Conversations.create("node-a", false, "node-b");
        String ws = base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-client.js", ws, conversation,
                DevTokens.token("node-a"), DevTokens.token("node-b")), Duration.ofSeconds(120));
        JsonNode summary = ChatClient.JSON.readTree(NodeScripts.lastLine(output));

        assertThat(summary.get("errors")).isEmpty();
        List<String> history = Conversations.storedContents(conversation);
        assertThat(history).hasSize(6);
        // each side shows every message as sent, and both received all of them in history's order
        assertThat(strings(summary.get("a"))).containsExactlyInAnyOrderElementsOf(history);
        assertThat(strings(summary.get("b"))).containsExactlyInAnyOrderElementsOf(history);
        assertThat(strings(summary.get("receivedByA"))).containsExactlyElementsOf(history);
        assertThat(strings(summary.get("receivedByB"))).containsExactlyElementsOf(history);
        assertThat(strings(summary.get("typingSeenByB"))).containsExactly("start:node-a", "stop:node-a");
        assertThat(summary.get("typingSeenByA")).isEmpty();
        assertThat(strings(summary.get("acksA")).stream().filter("delivered"::equals).count()).isEqualTo(3);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
