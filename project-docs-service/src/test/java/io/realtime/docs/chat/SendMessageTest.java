package io.realtime.docs.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.Documents;
import io.realtime.docs.support.Projects;
import io.realtime.docs.support.SioClient;
import io.realtime.infra.token.DevTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The guide's send_message flow without a model (the test profile has no API key): the events in order, what they
 * carry, the extractive answer built from the sources, and what is stored; every bad payload answered with an
 * {@code error} on a connection that keeps working.
 */
@QuarkusTest
class SendMessageTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Test
    void theAnswerComesAsReceivedSourcesTokensCompleteAndIsStoredWithItsSources() {
        long project = Projects.create(pool, "Fleet handbook", "ann");
        long chat = Projects.chat(pool, project, "Leasing");
        long handbook = Documents.pdf("ann", project, "handbook.pdf", List.of(
                List.of("Welcome to the fleet handbook.", "Parking spaces are assigned by the office manager."),
                List.of("A novated lease covers the car, fuel and servicing.",
                        "It is paid from your pre-tax salary.")));
        long faq = Documents.markdown("ann", project, "faq.md", "# Insurance\n\nInsurance is included in every "
                + "lease package.\n");

        try (SioClient client = SioClient.connect(base, DevTokens.token("ann"))) {
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"What does a novated lease cover?\","
                    + "\"temperature\":0.7,\"include_history\":true}");
            List<JsonNode> events = client.until("message_complete", Duration.ofSeconds(10));

            assertThat(events.get(0).get(0).asText()).isEqualTo("message_received");
            JsonNode received = events.get(0).get(1);
            assertThat(received.get("chat_id").asLong()).isEqualTo(chat);

            assertThat(events.get(1).get(0).asText()).isEqualTo("message_sources");
            JsonNode sources = events.get(1).get(1);
            assertThat(sources.get("chat_id").asLong()).isEqualTo(chat);
            assertThat(sources.get("sources")).hasSize(3);
            JsonNode first = sources.get("sources").get(0);
            assertThat(first.get("id").asText()).isEqualTo("chunk_" + chunkOf(handbook, 2));
            assertThat(first.get("content").asText()).contains("A novated lease covers the car");
            assertThat(first.at("/metadata/document_id").asLong()).isEqualTo(handbook);
            assertThat(first.at("/metadata/page").asInt()).isEqualTo(2);
            assertThat(first.at("/metadata/filename").asText()).isEqualTo("handbook.pdf");
            double previous = 1.0;
            for (JsonNode source : sources.get("sources")) {
                assertThat(source.get("score").asDouble()).isBetween(-1.0, previous);
                previous = source.get("score").asDouble();
            }
            JsonNode markdown = java.util.stream.StreamSupport.stream(sources.get("sources").spliterator(), false)
                    .filter(s -> s.at("/metadata/filename").asText().equals("faq.md")).findFirst().orElseThrow();
            assertThat(markdown.at("/metadata/page").asInt()).as("a Markdown file is one page").isEqualTo(1);
            assertThat(markdown.at("/metadata/document_id").asLong()).isEqualTo(faq);

            List<JsonNode> tokens = events.subList(2, events.size() - 1);
            assertThat(tokens).isNotEmpty().allSatisfy(token -> {
                assertThat(token.get(0).asText()).isEqualTo("message_token");
                assertThat(token.at("/1/chat_id").asLong()).isEqualTo(chat);
            });
            String answer = tokens.stream().map(token -> token.at("/1/token").asText())
                    .reduce("", String::concat);
            assertThat(answer).startsWith("From the project's documents:")
                    .contains("A novated lease covers the car, fuel and servicing. [1]")
                    .doesNotContain("Parking");

            JsonNode complete = events.get(events.size() - 1).get(1);
            assertThat(complete.get("chat_id").asLong()).isEqualTo(chat);
            assertThat(complete.at("/metadata/model").asText()).isEqualTo("extractive");
            assertThat(complete.at("/metadata/sources_count").asInt()).isEqualTo(3);

            List<Row> rows = messages(chat);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getLong("id")).isEqualTo(received.get("message_id").asLong());
            assertThat(rows.get(0).getString("role")).isEqualTo("user");
            assertThat(rows.get(0).getString("user_id")).isEqualTo("ann");
            assertThat(rows.get(0).getString("content")).isEqualTo("What does a novated lease cover?");
            assertThat(rows.get(1).getLong("id")).isEqualTo(complete.get("message_id").asLong());
            assertThat(rows.get(1).getString("role")).isEqualTo("assistant");
            assertThat(rows.get(1).getString("content")).isEqualTo(answer);
            assertThat(rows.get(1).getString("model")).isEqualTo("extractive");
            assertThat(rows.get(1).getValue("sources").toString())
                    .contains("\"id\":\"chunk_" + chunkOf(handbook, 2) + "\"").contains("\"document_id\":" + faq);
        }
    }

    @Test
    void withoutSourcesTheAnswerSaysSo() {
        long project = Projects.create(pool, "Empty", "bea");
        long chat = Projects.chat(pool, project, "Nothing yet");
        try (SioClient client = SioClient.connect(base, DevTokens.token("bea"))) {
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"Anything?\"}");
            assertThat(client.nextNamed("message_sources").get("sources")).isEmpty();
            List<JsonNode> events = client.until("message_complete", Duration.ofSeconds(10));
            String answer = events.stream().filter(e -> e.get(0).asText().equals("message_token"))
                    .map(e -> e.at("/1/token").asText()).reduce("", String::concat);
            assertThat(answer).isEqualTo("I could not find anything about this in the project's documents.");
            assertThat(events.get(events.size() - 1).at("/1/metadata/sources_count").asInt()).isZero();
        }
    }

    @Test
    void badPayloadsGetClearErrorsAndTheConnectionCarriesOn() {
        long project = Projects.create(pool, "Rules", "cal");
        long chat = Projects.chat(pool, project, "Rules chat");
        long othersChat = Projects.chat(pool, Projects.create(pool, "Private", "dan"), "Dan's");
        try (SioClient client = SioClient.connect(base, DevTokens.token("cal"))) {
            assertError(client.emit("send_message", "\"hello\""),
                    "Invalid data for send_message: expected an object like {chat_id: 1, message: '...'}", null);
            assertError(client.emit("send_message", "{\"message\":\"hi\"}"), "chat_id is required", null);
            assertError(client.emit("send_message", "{\"chat_id\":-3,\"message\":\"hi\"}"),
                    "chat_id must be a positive integer", null);
            assertError(client.emit("send_message", "{\"chat_id\":1.5,\"message\":\"hi\"}"),
                    "chat_id must be a positive integer", null);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + "}"),
                    "message is required: the question as text", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"   \"}"),
                    "message must not be empty", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"" + "x".repeat(8001)
                    + "\"}"), "message must be at most 8000 characters", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"a\\u0000b\"}"),
                    "message must not contain NUL characters or unpaired surrogates", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"hi\",\"model\":"
                    + "\"gpt-9-secret\"}"), "model must be one of: gpt-4o-mini, llama3.2", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"hi\","
                    + "\"temperature\":2.5}"), "temperature must be a number from 0 to 2", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"hi\","
                    + "\"temperature\":\"warm\"}"), "temperature must be a number from 0 to 2", chat);
            assertError(client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"hi\","
                    + "\"include_history\":\"yes\"}"), "include_history must be true or false", chat);
            assertError(client.emit("send_message", "{\"chat_id\":999999999,\"message\":\"hi\"}"),
                    "Chat 999999999 not found", 999999999L);
            assertError(client.emit("send_message", "{\"chat_id\":" + othersChat + ",\"message\":\"hi\"}"),
                    "Chat " + othersChat + " not found", othersChat);
            assertError(client.emit("no_such_event", "{}"), "Unknown event: no_such_event", null);

            client.emit("ping", "{}");
            assertThat(client.next().get(0).asText()).isEqualTo("pong");
            client.emit("send_message", "{\"chat_id\":" + chat + ",\"message\":\"still there?\",\"model\":"
                    + "\"llama3.2\",\"temperature\":0,\"include_history\":false}");
            assertThat(client.next().get(0).asText()).isEqualTo("message_received");
            client.until("message_complete", Duration.ofSeconds(10));
        }
        assertThat(messages(othersChat)).isEmpty();
        assertThat(messages(chat)).hasSize(2);
    }

    static void assertError(SioClient client, String message, Long chatId) {
        JsonNode event = client.next();
        assertThat(event.get(0).asText()).isEqualTo("error");
        assertThat(event.at("/1/message").asText()).isEqualTo(message);
        if (chatId == null) {
            assertThat(event.get(1).has("chat_id")).as(event.toString()).isFalse();
        } else {
            assertThat(event.at("/1/chat_id").asLong()).isEqualTo(chatId);
        }
    }

    private long chunkOf(long document, int page) {
        return pool.preparedQuery("select id from document_chunk where document_id = $1 and page = $2")
                .execute(Tuple.of(document, page)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong("id");
    }

    private List<Row> messages(long chatId) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery("select * from chat_message where chat_id = $1 order by id").execute(Tuple.of(chatId))
                .await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }
}
