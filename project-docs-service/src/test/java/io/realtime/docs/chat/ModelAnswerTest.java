package io.realtime.docs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.docs.WithModelProfile;
import io.realtime.docs.support.Documents;
import io.realtime.docs.support.Projects;
import io.realtime.docs.support.SioClient;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * send_message with a model (the fake OpenAI-compatible server): the model's tokens are relayed in order, the
 * client's model and temperature reach the model with the numbered sources and, when asked, the chat's history; a
 * failing model is one error; a connection's answers never interleave and only a few may wait.
 */
@QuarkusTest
@TestProfile(WithModelProfile.class)
class ModelAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    long chat;

    @BeforeEach
    void projectWithSources() {
        OpenAiFake.reset();
        long project = Projects.create(pool, "Handbook", "mia");
        chat = Projects.chat(pool, project, "Questions");
        Documents.pdf("mia", project, "handbook.pdf", List.of(List.of("Contents: leases."),
                List.of("Leases run for three years.")));
    }

    @Test
    void theModelsTokensAreRelayedAndItGetsTheSourcesTheModelTheTemperatureAndTheHistory() throws Exception {
        OpenAiFake.stream(List.of("Leases", " run", " three", " years", " [1]."));
        try (SioClient client = SioClient.connect(base, DevTokens.token("mia"))) {
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"How long do leases run?\","
                    + "\"model\":\"llama3.2\",\"temperature\":0.7}");
            List<JsonNode> events = client.until("message_complete", Duration.ofSeconds(15));
            assertThat(events.stream().map(e -> e.get(0).asText()).toList()).containsExactly("message_received",
                    "message_sources", "message_token", "message_token", "message_token", "message_token",
                    "message_token", "message_complete");
            assertThat(events.subList(2, 7).stream().map(e -> e.at("/1/token").asText()).toList())
                    .containsExactly("Leases", " run", " three", " years", " [1].");
            JsonNode complete = events.get(7).get(1);
            assertThat(complete.at("/metadata/model").asText()).isEqualTo("llama3.2");
            assertThat(complete.at("/metadata/sources_count").asInt()).isEqualTo(2);

            JsonNode request = JSON.readTree(OpenAiFake.requestBodies().get(0));
            assertThat(request.get("model").asText()).isEqualTo("llama3.2");
            assertThat(request.get("temperature").asDouble()).isEqualTo(0.7);
            assertThat(request.get("stream").asBoolean()).isTrue();
            assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
            assertThat(request.at("/messages/0/content").asText())
                    .contains("handbook.pdf, page 2:\nLeases run for three years.");
            assertThat(request.at("/messages/1/content").asText()).isEqualTo("How long do leases run?");

            OpenAiFake.reset();
            OpenAiFake.stream(List.of("Yes."));
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"Always?\"}");
            assertThat(client.until("message_complete", Duration.ofSeconds(15)).get(0).get(0).asText())
                    .isEqualTo("message_received");
            JsonNode second = JSON.readTree(OpenAiFake.requestBodies().get(0));
            assertThat(second.get("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(second.get("messages")).hasSize(4);
            assertThat(second.at("/messages/1/role").asText()).isEqualTo("user");
            assertThat(second.at("/messages/1/content").asText()).isEqualTo("How long do leases run?");
            assertThat(second.at("/messages/2/role").asText()).isEqualTo("assistant");
            assertThat(second.at("/messages/2/content").asText()).isEqualTo("Leases run three years [1].");
            assertThat(second.at("/messages/3/content").asText()).isEqualTo("Always?");

            OpenAiFake.reset();
            OpenAiFake.stream(List.of("Fresh."));
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"Again?\",\"include_history\":"
                    + "false}");
            client.until("message_complete", Duration.ofSeconds(15));
            assertThat(JSON.readTree(OpenAiFake.requestBodies().get(0)).get("messages")).hasSize(2);
        }
        assertThat(pool.preparedQuery("select model from chat_message where chat_id = $1 and role = 'assistant' "
                + "order by id").execute(Tuple.of(chat)).await().atMost(Duration.ofSeconds(5)).iterator().next()
                .getString("model")).isEqualTo("llama3.2");
    }

    @Test
    void aFailingModelIsOneErrorWithTheChatAndTheUserMessageStaysStored() {
        OpenAiFake.fail(500);
        try (SioClient client = SioClient.connect(base, DevTokens.token("mia"))) {
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"Hello?\"}");
            List<JsonNode> events = client.until("error", Duration.ofSeconds(30));
            assertThat(events.stream().map(e -> e.get(0).asText()).toList())
                    .containsExactly("message_received", "message_sources", "error");
            assertThat(events.get(2).at("/1/message").asText()).isEqualTo("The assistant is unavailable: try again later");
            assertThat(events.get(2).at("/1/chat_id").asLong()).isEqualTo(chat);
        }
        assertThat(pool.preparedQuery("select role from chat_message where chat_id = $1").execute(Tuple.of(chat))
                .await().atMost(Duration.ofSeconds(5)).size()).isEqualTo(1);
    }

    @Test
    void answersOfOneConnectionComeOneAfterTheOtherAndOnlyTwoMayWait() {
        OpenAiFake.stream(List.of("one", " two", " three"), 1500);
        try (SioClient client = SioClient.connect(base, DevTokens.token("mia"))) {
            for (int i = 1; i <= 4; i++) {
                client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"Question " + i + "\"}");
            }
            List<String> answers = new java.util.ArrayList<>();
            List<String> errors = new java.util.ArrayList<>();
            while (answers.stream().filter("message_complete"::equals).count() < 3) {
                JsonNode event = client.next(Duration.ofSeconds(20));
                if (event.get(0).asText().equals("error")) {
                    errors.add(event.at("/1/message").asText());
                } else {
                    answers.add(event.get(0).asText());
                }
            }
            assertThat(errors).containsExactly(
                    "Too many messages waiting for an answer: wait for the answers before sending more");
            List<String> oneAnswer = List.of("message_received", "message_sources", "message_token",
                    "message_token", "message_token", "message_complete");
            assertThat(answers).hasSize(18);
            for (int i = 0; i < 3; i++) {
                assertThat(answers.subList(i * 6, i * 6 + 6)).isEqualTo(oneAnswer);
            }
            assertThat(client.poll(Duration.ofMillis(500))).isNull();
        }
    }
}
