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
import io.realtime.docs.support.SioClient;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

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
    void theSeededDemoProjectHasItsDocumentsIngestedAndAnswersFromThem() {
        long project = pool.query("select id from project where name = 'Demo project'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
        long chat = pool.preparedQuery("select id from chat where project_id = $1").execute(Tuple.of(project))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> pool.preparedQuery("select count(*) from document "
                + "where project_id = $1 and status = 'completed'").execute(Tuple.of(project))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) == 4);
        assertThat(pool.preparedQuery("select 1 from project_member where project_id = $1 and user_id = '123'")
                .execute(Tuple.of(project)).await().atMost(Duration.ofSeconds(10)).size()).isEqualTo(1);

        try (SioClient client = SioClient.connect(base, null)) {
            client.emit("join_project", "{\"project_id\":" + project + "}");
            assertThat(client.next().get(0).asText()).isEqualTo("project_joined");
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"How many days of paid holiday "
                    + "do employees get?\"}");
            List<JsonNode> events = client.until("message_complete", Duration.ofSeconds(20));
            String answer = events.stream().filter(e -> e.get(0).asText().equals("message_token"))
                    .map(e -> e.at("/1/token").asText()).reduce("", String::concat);
            assertThat(answer).contains("28 days of paid holiday");
            JsonNode sources = sourcesIn(events);
            assertThat(sources.get(0).at("/metadata/filename").asText()).isEqualTo("onboarding.md");

            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"What do I do when my laptop "
                    + "is stolen?\"}");
            events = client.until("message_complete", Duration.ofSeconds(20));
            sources = sourcesIn(events);
            assertThat(sources.get(0).at("/metadata/filename").asText()).isEqualTo("security-handbook.pdf");
            assertThat(sources.get(0).at("/metadata/page").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aTokenThatIsSentMustStillBeValid() {
        String foreign = DevTokens.forUser("yan").signedWithForeignKey().sign(); // before the 600 ms heartbeat runs
        try (TestSocket socket = TestSocket.connect(ws())) {
            socket.next();
            socket.send("40{\"token\":\"" + foreign + "\"}");
            assertThat(answeringPings(socket)).isEqualTo("44{\"message\":\"Invalid or expired token\","
                    + "\"data\":{\"code\":\"AUTH_FAILED\"}}");
        }
    }

    @Test
    void aClientThatStopsAnsweringPingsIsClosedAndLeavesItsRoom() {
        long project = Projects.create(pool, "Heartbeat", "zoe");
        try (TestSocket socket = TestSocket.connect(ws())) {
            assertThat(socket.next()).contains("\"pingInterval\":300,\"pingTimeout\":300");
            socket.send("40");
            answeringPings(socket);
            answeringPings(socket);
            socket.send("42[\"join_project\",{\"project_id\":" + project + "}]");
            assertThat(answeringPings(socket)).isEqualTo("42[\"project_joined\",{\"project_id\":" + project
                    + "}]");
            assertThat(io.server().namespace("/").room("project_" + project)).hasSize(1);

            // from now on the client stays silent: the pings it does not answer end the session
            socket.awaitClose();
            assertThat(socket.isClosed()).isTrue();
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> io.server().namespace("/").room("project_" + project).isEmpty());
    }

    /** The sources of the message_sources event among {@code events} (the demo's room events may come between). */
    private static JsonNode sourcesIn(List<JsonNode> events) {
        return events.stream().filter(event -> event.get(0).asText().equals("message_sources")).findFirst()
                .orElseThrow().at("/1/sources");
    }

    /** The next packet that is not a ping; pings are answered, as a live client does. */
    private static String answeringPings(TestSocket socket) {
        String packet = socket.next();
        while ("2".equals(packet)) {
            socket.send("3");
            packet = socket.next();
        }
        return packet;
    }

    private URI ws() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "socket.io/?EIO=4&transport=websocket");
    }
}
