package io.realtime.messaging.chat;

import static io.realtime.messaging.support.ChatClient.TIMESTAMP;
import static io.realtime.messaging.support.ChatClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

@QuarkusTest
public class MessageFlowTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void senderGetsReceivedThenItsMessageThenDeliveredAndEveryParticipantDeviceReceivesIt() {
        String conversation = Conversations.create("alice", false, "bob");
        try (ChatClient alice = ChatClient.connect(base, "alice");
                ChatClient alicePhone = ChatClient.connect(base, "alice");
                ChatClient bob = ChatClient.connect(base, "bob");
                ChatClient eve = ChatClient.connect(base, "eve")) {
            alice.sendMessage("msg-1", conversation, "Hello Bob");

            JsonNode received = alice.expect("message:ack");
            assertThat(fieldNames(received)).containsExactly("type", "messageId", "status", "timestamp");
            assertThat(received.get("messageId").asText()).isEqualTo("msg-1");
            assertThat(received.get("status").asText()).isEqualTo("received");
            assertThat(received.get("timestamp").asText()).matches(TIMESTAMP);
            assertReceive(alice.expect("message:receive"), "msg-1", conversation, "Hello Bob", "alice");
            JsonNode delivered = alice.expect("message:ack");
            assertThat(delivered.get("status").asText()).isEqualTo("delivered");
            assertThat(delivered.get("messageId").asText()).isEqualTo("msg-1");

            assertReceive(bob.expect("message:receive"), "msg-1", conversation, "Hello Bob", "alice");
            assertReceive(alicePhone.expect("message:receive"), "msg-1", conversation, "Hello Bob", "alice");
            eve.expectSilence(Duration.ofMillis(500));
            alice.expectSilence(Duration.ofMillis(300));
        }
        assertThat(Conversations.storedContents(conversation)).containsExactly("Hello Bob");
    }

    @Test
    void theSameMessageIdSentAgainIsStoredOnceAndAcknowledgedAgain() {
        String conversation = Conversations.create("carol", false, "dave");
        try (ChatClient carol = ChatClient.connect(base, "carol"); ChatClient dave = ChatClient.connect(base, "dave")) {
            carol.sendMessage("retry-1", conversation, "Are you there?");
            assertThat(statuses(carol, 3)).containsExactly("received", "message:receive", "delivered");
            dave.expect("message:receive");

            carol.sendMessage("retry-1", conversation, "Are you there?"); // the offline queue retries
            assertThat(statuses(carol, 2)).containsExactly("received", "delivered");
            dave.expectSilence(Duration.ofMillis(700));
        }
        assertThat(Conversations.storedCount("SELECT count(*) FROM message WHERE message_id = 'retry-1'")).isEqualTo(1);
    }

    @Test
    void invalidMessagesGetAnErrorAckAndAreNeitherStoredNorBroadcast() {
        String conversation = Conversations.create("frank", false, "grace");
        String strangers = Conversations.create("heidi", false);
        try (ChatClient frank = ChatClient.connect(base, "frank"); ChatClient grace = ChatClient.connect(base, "grace")) {
            assertErrorAck(frank.sendMessage("too-long", conversation, "x".repeat(10_001)), "too-long",
                    "VALIDATION_ERROR", "10000");
            assertErrorAck(frank.sendMessage("blank", conversation, "   "), "blank", "VALIDATION_ERROR", "content");
            assertErrorAck(frank.sendMessage("nowhere", UUID.randomUUID().toString(), "hi"), "nowhere",
                    "CONVERSATION_NOT_FOUND", "Conversation not found");
            assertErrorAck(frank.sendMessage("bad-id", "not-a-uuid", "hi"), "bad-id", "CONVERSATION_NOT_FOUND",
                    "Conversation not found");
            assertErrorAck(frank.sendMessage("intruder", strangers, "hi"), "intruder", "NOT_PARTICIPANT",
                    "not a participant");
            frank.sendRaw("{\"type\":\"message:send\",\"messageId\":\"no-content\",\"conversationId\":\""
                    + conversation + "\"}");
            assertErrorAck(frank, "no-content", "VALIDATION_ERROR", "content");
            grace.expectSilence(Duration.ofMillis(500));

            frank.sendMessage("exactly-max", conversation, "y".repeat(10_000));
            assertThat(statuses(frank, 3)).containsExactly("received", "message:receive", "delivered");
        }
        assertThat(Conversations.storedCount("SELECT count(*) FROM message WHERE conversation_id = ?::uuid",
                conversation)).isEqualTo(1);
        assertThat(Conversations.storedCount("SELECT count(*) FROM message WHERE conversation_id = ?::uuid",
                strangers)).isZero();
    }

    @Test
    void malformedFramesGetAConnectionErrorAndTheConnectionLives() {
        String conversation = Conversations.create("ivan", false);
        try (ChatClient ivan = ChatClient.connect(base, "ivan")) {
            ivan.sendRaw("{oops");
            JsonNode error = ivan.expect("connection:error");
            assertThat(fieldNames(error)).containsExactly("type", "message", "code", "timestamp");
            assertThat(error.get("code").asText()).isEqualTo("VALIDATION_ERROR");
            ivan.sendRaw("{\"type\":\"message:explode\"}");
            assertThat(ivan.expect("connection:error").get("message").asText()).contains("message:explode");
            ivan.sendRaw("[]");
            ivan.expect("connection:error");
            ivan.sendMessage("still-alive", conversation, "still here");
            assertThat(statuses(ivan, 3)).containsExactly("received", "message:receive", "delivered");
        }
    }

    @Test
    void nulOrUnpairedSurrogatesAndBinaryFramesAreRefusedAndNothingIsStored() {
        String conversation = Conversations.create("nadia", false, "omar");
        try (ChatClient nadia = ChatClient.connect(base, "nadia"); ChatClient omar = ChatClient.connect(base, "omar")) {
            nadia.sendRaw("{\"type\":\"message:send\",\"messageId\":\"nul-1\",\"conversationId\":\""
                    + conversation + "\",\"content\":\"before\\u0000after\"}");
            JsonNode nul = nadia.expect("message:ack");
            assertThat(nul.get("status").asText()).isEqualTo("error");
            assertThat(nul.get("messageId").asText()).isEqualTo("nul-1");
            assertThat(nul.get("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(nul.get("error").asText()).contains("content");
            nadia.sendRaw("{\"type\":\"message:send\",\"messageId\":\"half-\\ud800\",\"conversationId\":\""
                    + conversation + "\",\"content\":\"x\"}");
            assertThat(nadia.expect("connection:error").get("code").asText()).isEqualTo("VALIDATION_ERROR");
            nadia.sendBinary(new byte[] { 1, 2, 3 });
            JsonNode binary = nadia.expect("connection:error");
            assertThat(binary.get("code").asText()).isEqualTo("VALIDATION_ERROR");
            assertThat(binary.get("message").asText()).contains("Binary frames are not supported");
            omar.expectSilence(Duration.ofMillis(300));
            nadia.sendMessage("clean-1", conversation, "clean");
            assertThat(statuses(nadia, 3)).containsExactly("received", "message:receive", "delivered");
        }
        assertThat(Conversations.storedContents(conversation)).containsExactly("clean");
    }

    @Test
    void aFrameOverTheSizeLimitClosesWith1009() {
        try (ChatClient big = ChatClient.connect(base, "big")) {
            big.sendRaw("{\"type\":\"typing:start\",\"pad\":\"" + "x".repeat(140_000) + "\"}");
            assertThat(big.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void everyParticipantSeesTheConversationInTheOrderHistoryReturns() throws Exception {
        String conversation = Conversations.create("judy", false, "ken", "leo");
        try (ChatClient judy = ChatClient.connect(base, "judy"); ChatClient ken = ChatClient.connect(base, "ken");
                ChatClient leo = ChatClient.connect(base, "leo")) {
            for (int i = 0; i < 5; i++) {
                judy.sendMessage("order-j" + i, conversation, "judy " + i);
                ken.sendMessage("order-k" + i, conversation, "ken " + i);
            }
            List<String> leoSaw = contents(leo, 10);
            List<String> history = Conversations.storedContents(conversation);
            assertThat(leoSaw).containsExactlyElementsOf(history);
            assertThat(receivesOnly(judy, 5 * 3 + 5)).containsExactlyElementsOf(history);
            assertThat(receivesOnly(ken, 5 * 3 + 5)).containsExactlyElementsOf(history);
        }
    }

    public static List<String> statuses(ChatClient client, int count) {
        List<String> seen = new ArrayList<>();
        for (JsonNode event : client.take(count)) {
            seen.add(event.get("type").asText().equals("message:ack") ? event.get("status").asText()
                    : event.get("type").asText());
        }
        return seen;
    }

    static void assertErrorAck(ChatClient client, String messageId, String code, String text) {
        JsonNode ack = client.expect("message:ack");
        assertThat(fieldNames(ack)).containsExactly("type", "messageId", "status", "error", "code", "timestamp");
        assertThat(ack.get("messageId").asText()).isEqualTo(messageId);
        assertThat(ack.get("status").asText()).isEqualTo("error");
        assertThat(ack.get("code").asText()).isEqualTo(code);
        assertThat(ack.get("error").asText()).containsIgnoringCase(text);
    }

    static void assertReceive(JsonNode event, String messageId, String conversation, String content, String userId) {
        assertThat(fieldNames(event)).containsExactly("type", "messageId", "conversationId", "content", "userId",
                "timestamp");
        assertThat(event.get("messageId").asText()).isEqualTo(messageId);
        assertThat(event.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(event.get("content").asText()).isEqualTo(content);
        assertThat(event.get("userId").asText()).isEqualTo(userId);
        assertThat(event.get("timestamp").asText()).matches(TIMESTAMP);
    }

    private static List<String> contents(ChatClient client, int count) {
        List<String> seen = new ArrayList<>();
        while (seen.size() < count) {
            JsonNode event = client.next();
            if (event.get("type").asText().equals("message:receive")) {
                seen.add(event.get("content").asText());
            }
        }
        return seen;
    }

    private static List<String> receivesOnly(ChatClient client, int events) {
        List<String> seen = new ArrayList<>();
        for (JsonNode event : client.take(events)) {
            if (event.get("type").asText().equals("message:receive")) {
                seen.add(event.get("content").asText());
            }
        }
        return seen;
    }

    static Map<String, Object> message(String id, String conversation, String content) {
        return Map.of("messageId", id, "conversationId", conversation, "content", content);
    }
}
