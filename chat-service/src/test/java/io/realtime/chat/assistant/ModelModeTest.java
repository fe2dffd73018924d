package io.realtime.chat.assistant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.chat.WithModelProfile;
import io.realtime.chat.support.Chat;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.infra.test.KafkaProbe;
import io.realtime.infra.test.TestSocket;

/** With a model (the fake OpenAI server): streamed answers, the structured extraction, failures as error frames. */
@QuarkusTest
@TestProfile(WithModelProfile.class)
class ModelModeTest {

    private static final String EXTRACTED_NOTHING = "{\"name\":null,\"email\":null,\"phone\":null,"
            + "\"suggestions\":[\"What does it cost?\",\"Which cars qualify?\"]}";

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void fake() {
        OpenAiFake.reset();
    }

    @Test
    void answerStreamsWordByWordThenDetailsAreExtracted() {
        OpenAiFake.stream(List.of("Novated", " leases", " bundle", " your", " car", " costs", "."));
        OpenAiFake.answerWhenPromptContains("EXTRACT_VISITOR_DETAILS", EXTRACTED_NOTHING);
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("What is a novated lease?", session));
            Chat.Answer answer = Chat.answer(socket);
            assertThat(answer.chunks()).extracting(chunk -> chunk.get("chunk").asText())
                    .containsExactly("Novated ", "leases ", "bundle ", "your ", "car ", "costs.");
            JsonNode complete = answer.end();
            assertThat(complete.get("complete").asBoolean()).isFalse();
            assertThat(complete.get("needs_info").asBoolean()).isTrue();
            assertThat(complete.get("conversation_data").toString()).isEqualTo("{}");
            assertThat(complete.get("suggestions").toString())
                    .isEqualTo("[\"What does it cost?\",\"Which cars qualify?\"]");

            // the model sees the history and Alex's system prompt
            OpenAiFake.reset();
            OpenAiFake.stream(List.of("Thanks", " Sam!"));
            OpenAiFake.answerWhenPromptContains("EXTRACT_VISITOR_DETAILS", "```json\n{\"name\":\"Sam Lee\","
                    + "\"email\":\"sam@example.com\",\"phone\":\"0499 999 999\",\"postcode\":\"3000\","
                    + "\"vehicle_interest\":\"an electric SUV\",\"suggestions\":[\"How soon can I start?\","
                    + "\"Can I include a charger?\",\"What about insurance?\"]}\n```");
            socket.send(Chat.message("I'm Sam Lee, sam@example.com, keen on an electric SUV", session));
            Chat.Answer second = Chat.answer(socket);
            assertThat(second.text()).isEqualTo("Thanks Sam!");
            JsonNode done = second.end();
            // the phone and postcode were never written by the visitor: dropped, not invented
            assertThat(done.get("conversation_data").toString()).isEqualTo("{\"name\":\"Sam Lee\","
                    + "\"email\":\"sam@example.com\",\"vehicle_interest\":\"an electric SUV\"}");
            assertThat(done.get("complete").asBoolean()).isTrue();
            assertThat(done.get("needs_info").asBoolean()).isFalse();
            assertThat(done.get("suggestions")).hasSize(3);

            List<String> bodies = OpenAiFake.requestBodies();
            String streamed = bodies.stream().filter(body -> body.contains("\"stream\" : true")
                    || body.contains("\"stream\":true")).findFirst().orElseThrow();
            assertThat(streamed).contains("You are Alex").contains("What is a novated lease?")
                    .contains("Novated leases bundle your car costs.");
        }
        JsonNode event = Chat.json(KafkaProbe.find("chat.session.completed",
                record -> session.sessionId().equals(record.key()), Duration.ofSeconds(20)).orElseThrow().value());
        assertThat(event.get("email").asText()).isEqualTo("sam@example.com");
        assertThat(event.has("phone") && !event.get("phone").isNull()).isFalse();
    }

    @Test
    void aFailingModelGivesAnErrorFrameAndTheConnectionGoesOn() {
        OpenAiFake.fail(500);
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("What is a novated lease?", session));
            Chat.Answer answer = Chat.answer(socket);
            assertThat(answer.chunks()).isEmpty();
            JsonNode error = answer.end();
            assertThat(error.get("type").asText()).isEqualTo("error");
            assertThat(error.get("error").asText())
                    .isEqualTo("Alex could not answer just now. Please try again in a moment.");
            assertThat(error.at("/metadata/error_type").asText()).isEqualTo("ai_error");

            OpenAiFake.reset();
            OpenAiFake.stream(List.of("Back", " again."));
            OpenAiFake.answerWhenPromptContains("EXTRACT_VISITOR_DETAILS", EXTRACTED_NOTHING);
            socket.send(Chat.message("Hello?", session));
            assertThat(Chat.answer(socket).text()).isEqualTo("Back again.");
        }
    }

    @Test
    void aModelThatStopsSendingTimesOutWithAnErrorFrame() {
        // the stream's first token comes after the 2 s idle timeout of this profile
        OpenAiFake.server().register(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(OpenAiFake.PATH))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/event-stream").withFixedDelay(6000)
                        .withBody("data: [DONE]\n\n")));
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            long start = System.nanoTime();
            socket.send(Chat.message("Anyone there?", session));
            JsonNode error = Chat.answer(socket).end();
            assertThat(error.at("/metadata/error_type").asText()).isEqualTo("ai_error");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aVisitorWhoLeavesMidAnswerFindsItWholeInTheHistory() {
        OpenAiFake.stream(List.of("One", " two", " three", " four", " five", " six"), 1500);
        OpenAiFake.answerWhenPromptContains("EXTRACT_VISITOR_DETAILS", EXTRACTED_NOTHING);
        Chat.Session session = Chat.create();
        try (TestSocket socket = Chat.connect(base)) {
            Chat.next(socket);
            socket.send(Chat.message("Count to six", session));
            assertThat(Chat.next(socket).get("type").asText()).isEqualTo("chunk");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode history = Chat.json(given().header("X-Visitor-Id", session.visitorId())
                    .get("/api/chats/sessions/" + session.sessionId() + "/messages/").asString());
            assertThat(history.get("messages")).hasSize(2);
            assertThat(history.at("/messages/1/content").asText()).isEqualTo("One two three four five six");
        });
        try (TestSocket socket = Chat.connect(base, session)) {
            assertThat(Chat.next(socket).get("session_id").asText()).isEqualTo(session.sessionId());
        }
    }
}
