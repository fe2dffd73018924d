package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;
import io.realtime.kit.time.AdjustableClock;

/** 10 messages per 60 s per user, across the user's connections; the clock is moved, never slept on. */
@QuarkusTest
class RateLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    /** Later test classes share this JVM's service clock: hand it back at real time. */
    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theEleventhMessageInAMinuteIsRefusedWithTheRealWaitAcrossConnections() {
        String conversation = Conversations.create("rita", false, "sam");
        try (ChatClient laptop = ChatClient.connect(base, "rita"); ChatClient phone = ChatClient.connect(base, "rita")) {
            for (int i = 0; i < 10; i++) {
                ChatClient device = i % 2 == 0 ? laptop : phone;
                device.sendMessage("rate-" + i, conversation, "message " + i);
                assertThat(MessageFlowTest.statuses(device, 3)).containsExactly("received", "message:receive",
                        "delivered");
                (i % 2 == 0 ? phone : laptop).expect("message:receive");
                if (i == 0) {
                    clock.advance(Duration.ofSeconds(15));
                }
            }
            // the first message leaves the window 60 s after it was sent: 45 s from now
            laptop.sendMessage("rate-10", conversation, "one too many");
            JsonNode refused = laptop.expect("message:ack");
            assertThat(refused.get("status").asText()).isEqualTo("error");
            assertThat(refused.get("code").asText()).isEqualTo("RATE_LIMIT");
            // 60 s after the first message, minus the 15 s moved and the real seconds this test took
            java.util.regex.Matcher wait = java.util.regex.Pattern.compile("Rate limit exceeded\\. Try again in (\\d+) seconds")
                    .matcher(refused.get("error").asText());
            assertThat(wait.matches()).as(refused.get("error").asText()).isTrue();
            assertThat(Integer.parseInt(wait.group(1))).isBetween(38, 45);

            clock.advance(Duration.ofSeconds(46));
            laptop.sendMessage("rate-11", conversation, "allowed again");
            assertThat(MessageFlowTest.statuses(laptop, 3)).containsExactly("received", "message:receive",
                    "delivered");
        }
        assertThat(Conversations.storedCount("SELECT count(*) FROM message WHERE sender_id = 'rita'")).isEqualTo(11);
    }
}
