package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

@QuarkusTest
class AssistantWithoutModelTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theMessageIsDeliveredAndTheSenderLearnsTheAssistantIsUnavailable() {
        String conversation = Conversations.create("eli", true, "fay");
        try (ChatClient eli = ChatClient.connect(base, "eli"); ChatClient fay = ChatClient.connect(base, "fay")) {
            eli.sendMessage("no-model-1", conversation, "Assistant, help!");
            java.util.List<JsonNode> events = eli.take(4);
            assertThat(events.stream().filter(e -> !e.get("type").asText().equals("connection:error"))
                    .map(e -> e.get("type").asText().equals("message:ack") ? e.get("status").asText()
                            : e.get("type").asText())).containsExactly("received", "message:receive", "delivered");
            JsonNode error = events.stream().filter(e -> e.get("type").asText().equals("connection:error"))
                    .findFirst().orElseThrow();
            assertThat(error.get("code").asText()).isEqualTo("AI_UNAVAILABLE");
            assertThat(error.get("message").asText()).contains("unavailable");
            assertThat(fay.expect("message:receive").get("content").asText()).isEqualTo("Assistant, help!");
            fay.expectSilence(Duration.ofMillis(500));
        }
    }
}
