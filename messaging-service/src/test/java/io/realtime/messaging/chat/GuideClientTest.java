package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
    static void installClient() throws Exception {
        if (!Files.isDirectory(CLIENT_DIR.resolve("node_modules/ws"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"));
        }
    }

    @Test
    void twoUsersConverseAndSeeTheSameConversation() throws Exception {
        String conversation = Conversations.create("node-a", false, "node-b");
        String ws = base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        String output = run(List.of("node", "guide-client.js", ws, conversation, DevTokens.token("node-a"),
                DevTokens.token("node-b")));
        String[] lines = output.trim().split("\n");
        JsonNode summary = ChatClient.JSON.readTree(lines[lines.length - 1]);

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

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(CLIENT_DIR.toFile()).redirectErrorStream(true)
                .start();
        boolean done = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " timed out: " + output);
        }
        assertThat(process.exitValue()).as(command.get(0) + " " + command.get(1) + " -> " + output).isZero();
        return output;
    }
}
