package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.messaging.chat.ai.ModelCalls;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

/** Only so many assistant streams run at once: the next ones fail at once without reaching the model. */
@QuarkusTest
@TestProfile(AssistantBulkheadTest.OneStream.class)
class AssistantBulkheadTest {

    public static class OneStream extends WithModelProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String calls = "quarkus.fault-tolerance.\"" + ModelCalls.class.getName() + "/streamReply\".";
            return Map.of(calls + "bulkhead.value", "1", calls + "bulkhead.waiting-task-queue", "1",
                    calls + "circuit-breaker.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void beyondOneRunningAndOneWaitingStreamRepliesFailAtOnceAndTheModelSeesTwo() {
        OpenAiFake.reset();
        OpenAiFake.stream(List.of("Slow", " but", " sure"), 3000);
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            conversations.add(Conversations.create("bk" + i, true, "bkpeer"));
        }
        List<ChatClient> askers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                askers.add(ChatClient.connect(base, "bk" + i));
            }
            for (int i = 0; i < 4; i++) {
                askers.get(i).sendMessage("bulk-" + i, conversations.get(i), "Anyone?");
            }
            int refused = 0;
            int answered = 0;
            for (ChatClient asker : askers) {
                JsonNode end = endOfReply(asker);
                if (end.get("type").asText().equals("connection:error")) {
                    assertThat(end.get("code").asText()).isEqualTo("AI_UNAVAILABLE");
                    refused++;
                } else {
                    assertThat(end.get("content").asText()).isEqualTo("Slow but sure");
                    answered++;
                }
            }
            assertThat(refused).isEqualTo(2);
            assertThat(answered).isEqualTo(2);
            assertThat(OpenAiFake.requestBodies()).hasSize(2);
        } finally {
            askers.forEach(ChatClient::close);
        }
    }

    /** The sender's first frame that ends its reply: the stream's last frame, or the refusal. */
    private static JsonNode endOfReply(ChatClient asker) {
        while (true) {
            JsonNode event = asker.next(Duration.ofSeconds(20));
            if (event.path("isComplete").asBoolean() || event.get("type").asText().equals("connection:error")) {
                return event;
            }
        }
    }
}
