package io.realtime.docs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.docs.AnonymousDevProfile;
import io.realtime.docs.connection.SocketIo;
import io.realtime.docs.support.Documents;
import io.realtime.docs.support.Projects;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * With {@code docs.auth.required=false} (the run command): the guide's React component, unchanged (no token), joins
 * and chats; a token that is sent must still be valid. And the heartbeat: a client that stops answering pings is
 * closed after pingInterval + pingTimeout and leaves its rooms.
 */
@QuarkusTest
@TestProfile(AnonymousDevProfile.class)
class AnonymousClientsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    SocketIo io;

    @Test
    void theUnchangedReactComponentChatsWithoutAToken() throws Exception {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run socket.io-client");
        Path dir = Path.of("src/test/js");
        NodeScripts.install(dir);
        long project = Projects.create(pool, "Open demo", "xan");
        long chat = Projects.chat(pool, project, "Demo chat");
        Documents.markdown("xan", project, "demo.md", "The demo project has three documents.");
        String output = NodeScripts.run(dir, List.of("node", "guide-chat.js", base.toString().replaceAll("/$", ""),
                "websocket", "-", String.valueOf(project), String.valueOf(chat), "How many documents are there?"),
                Duration.ofSeconds(60));
        JsonNode seen = new ObjectMapper().readTree(NodeScripts.lastLine(output));
        assertThat(seen.has("fatal")).as(seen.toString()).isFalse();
        assertThat(seen.get("response").asText()).contains("The demo project has three documents. [1]");
        assertThat(seen.get("errors")).isEmpty();
    }

    @Test
    void aTokenThatIsSentMustStillBeValid() {
        String foreign = DevTokens.forUser("yan").signedWithForeignKey().sign(); // before the 600 ms heartbeat runs
        try (TestSocket socket = TestSocket.connect(ws())) {
            socket.next();
            socket.send("40{\"token\":\"" + foreign + "\"}");
            assertThat(socket.next()).isEqualTo("44{\"message\":\"Invalid or expired token\","
                    + "\"data\":{\"code\":\"AUTH_FAILED\"}}");
        }
    }

    @Test
    void aClientThatStopsAnsweringPingsIsClosedAndLeavesItsRoom() {
        long project = Projects.create(pool, "Heartbeat", "zoe");
        try (TestSocket socket = TestSocket.connect(ws())) {
            assertThat(socket.next()).contains("\"pingInterval\":300,\"pingTimeout\":300");
            socket.send("40");
            socket.next();
            socket.next();
            socket.send("42[\"join_project\",{\"project_id\":" + project + "}]");
            assertThat(socket.next()).isEqualTo("42[\"project_joined\",{\"project_id\":" + project + "}]");
            assertThat(io.server().namespace("/").room("project_" + project)).hasSize(1);

            assertThat(socket.next(Duration.ofSeconds(2))).isEqualTo("2");
            socket.awaitClose();
            assertThat(socket.isClosed()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> io.server().namespace("/").room("project_" + project).isEmpty());
    }

    private URI ws() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "socket.io/?EIO=4&transport=websocket");
    }
}
