package io.realtime.messaging.chat;

import static io.realtime.messaging.support.ChatClient.TIMESTAMP;
import static io.realtime.messaging.support.ChatClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.kit.tracing.RecordedSpans;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;
import io.realtime.messaging.support.TopicRecords;

/** The assistant's reply streams to every participant; the model is an OpenAI-compatible SSE server. */
@QuarkusTest
@TestProfile(WithModelProfile.class)
class AssistantStreamTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    RecordedSpans spans;

    @BeforeEach
    void reset() {
        OpenAiFake.reset();
    }

    @Test
    void theReplyStreamsCumulativelyToEveryParticipantAndIsStored() {
        OpenAiFake.stream(List.of("Hello", ", ", "team", "!"));
        String conversation = Conversations.create("ada", true, "bo");
        try (ChatClient ada = ChatClient.connect(base, "ada"); ChatClient bo = ChatClient.connect(base, "bo")) {
            ada.sendMessage("ask-1", conversation, "Say hello to the team");
            assertThat(MessageFlowTest.statuses(ada, 3)).containsExactly("received", "message:receive", "delivered");
            bo.expect("message:receive");

            for (ChatClient participant : List.of(ada, bo)) {
                List<JsonNode> stream = streamOf(participant);
                JsonNode first = stream.get(0);
                assertThat(fieldNames(first)).containsExactly("type", "messageId", "conversationId", "content",
                        "isComplete", "timestamp");
                assertThat(first.get("conversationId").asText()).isEqualTo(conversation);
                assertThat(first.get("timestamp").asText()).matches(TIMESTAMP);
                assertThat(stream).extracting(e -> e.get("messageId").asText()).containsOnly(
                        first.get("messageId").asText());
                assertGrowsTo(stream, "Hello, team!");
            }
        }
        assertThat(Conversations.storedContents(conversation)).containsExactly("Say hello to the team",
                "Hello, team!");
        assertThat(OpenAiFake.requestBodies().get(0)).contains("Say hello to the team");
    }

    @Test
    void theReplyAndItsStreamedFramesBelongToTheTraceOfTheMessageThatAskedForIt() {
        OpenAiFake.stream(List.of("Traced", " reply"));
        String conversation = Conversations.create("ed", true);
        spans.clear();
        try (ChatClient ed = ChatClient.connect(base, "ed")) {
            ed.sendMessage("ask-traced", conversation, "Reply inside my trace");
            MessageFlowTest.statuses(ed, 3);
            streamOf(ed);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.all().stream()
                .anyMatch(span -> span.getName().equals("messaging assistant reply") && span.hasEnded()));
        SpanData frame = spans.all().stream().filter(span -> span.getName().equals("messaging message:send"))
                .findFirst().orElseThrow();
        SpanData reply = spans.all().stream().filter(span -> span.getName().equals("messaging assistant reply"))
                .findFirst().orElseThrow();
        assertThat(reply.getTraceId()).isEqualTo(frame.getTraceId());
        assertThat(reply.getParentSpanId()).isEqualTo(frame.getSpanId());
        assertThat(spans.all()).as("the model call and the stream's Kafka records are in the frame's trace")
                .anyMatch(span -> span.getTraceId().equals(frame.getTraceId())
                        && span.getParentSpanId().equals(reply.getSpanId()));
    }

    @Test
    void aFailingModelEndsTheStreamAndTellsTheSender() {
        OpenAiFake.fail(500);
        String conversation = Conversations.create("cy", true, "di");
        try (ChatClient cy = ChatClient.connect(base, "cy"); ChatClient di = ChatClient.connect(base, "di")) {
            cy.sendMessage("ask-2", conversation, "Are you there?");
            MessageFlowTest.statuses(cy, 3);
            di.expect("message:receive");
            List<JsonNode> cySaw = new ArrayList<>(List.of(cy.next(), cy.next()));
            assertThat(cySaw).extracting(e -> e.get("type").asText())
                    .containsExactlyInAnyOrder("connection:error", "message:stream");
            JsonNode error = cySaw.stream().filter(e -> e.get("type").asText().equals("connection:error")).findFirst()
                    .orElseThrow();
            assertThat(error.get("code").asText()).isEqualTo("AI_UNAVAILABLE");
            JsonNode end = di.expect("message:stream");
            assertThat(end.get("isComplete").asBoolean()).isTrue();
        }
        assertThat(Conversations.storedContents(conversation)).containsExactly("Are you there?");
    }

    @Test
    void aSlowStreamStallsNeitherTheSendersOtherMessagesNorOtherConversations() {
        OpenAiFake.stream(List.of("Thinking", " very", " slowly"), 4000);
        String withAssistant = Conversations.create("gus", true, "hal");
        String plain = Conversations.create("gus", false, "ivy");
        try (ChatClient gus = ChatClient.connect(base, "gus"); ChatClient ivy = ChatClient.connect(base, "ivy")) {
            gus.sendMessage("slow-1", withAssistant, "Take your time");
            MessageFlowTest.statuses(gus, 3);
            long start = System.nanoTime();
            gus.sendMessage("fast-1", plain, "Meanwhile, hi Ivy");
            JsonNode received = gus.expect("message:ack");
            assertThat(received.get("messageId").asText()).isEqualTo("fast-1");
            assertThat(ivy.expect("message:receive").get("content").asText()).isEqualTo("Meanwhile, hi Ivy");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            List<JsonNode> rest = new ArrayList<>();
            while (rest.stream().noneMatch(e -> e.path("isComplete").asBoolean())) {
                rest.add(gus.next(java.time.Duration.ofSeconds(15)));
            }
            assertThat(rest.get(rest.size() - 1).get("content").asText()).isEqualTo("Thinking very slowly");
        }
    }

    @Test
    void aLongReplyReachesKafkaAsAFewCumulativeUpdatesWhileClientsSeeItGrowToTheWholeText() {
        List<String> tokens = IntStream.range(0, 400).mapToObj(i -> "word" + i + " ").toList();
        String whole = String.join("", tokens);
        OpenAiFake.stream(tokens);
        String conversation = Conversations.create("lena", true, "max");
        String replyId;
        try (ChatClient lena = ChatClient.connect(base, "lena"); ChatClient max = ChatClient.connect(base, "max")) {
            lena.sendMessage("ask-long", conversation, "Tell me everything");
            assertThat(MessageFlowTest.statuses(lena, 3)).containsExactly("received", "message:receive", "delivered");
            max.expect("message:receive");
            List<JsonNode> lenaSaw = streamOf(lena);
            assertGrowsTo(lenaSaw, whole);
            assertGrowsTo(streamOf(max), whole);
            replyId = lenaSaw.get(0).get("messageId").asText();
        }
        List<JsonNode> records = TopicRecords.until("messaging.conversation-events",
                record -> replyId.equals(record.path("messageId").asText()) && record.path("isComplete").asBoolean(),
                Duration.ofSeconds(30)).stream()
                .filter(record -> replyId.equals(record.path("messageId").asText())).toList();
        assertThat(records.size()).as("stream records for %d tokens", tokens.size()).isLessThan(tokens.size() / 10);
        assertThat(records.get(records.size() - 1).get("content").asText()).isEqualTo(whole);
        assertThat(Conversations.storedContents(conversation)).containsExactly("Tell me everything", whole);
    }

    /** Cumulative content, as the guide requires: each frame extends the one before; only the last is complete. */
    private static void assertGrowsTo(List<JsonNode> stream, String whole) {
        String before = "";
        for (JsonNode frame : stream) {
            String content = frame.get("content").asText();
            assertThat(content).as("content only grows").startsWith(before);
            before = content;
        }
        assertThat(before).isEqualTo(whole);
        assertThat(stream).extracting(e -> e.get("isComplete").asBoolean()).containsOnlyOnce(true).endsWith(true);
    }

    private static List<JsonNode> streamOf(ChatClient client) {
        List<JsonNode> events = new ArrayList<>();
        while (events.isEmpty() || !events.get(events.size() - 1).get("isComplete").asBoolean()) {
            events.add(client.expect("message:stream"));
        }
        return events;
    }
}
