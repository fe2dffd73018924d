package io.realtime.messaging.chat;

import static io.realtime.messaging.support.ChatClient.TIMESTAMP;
import static io.realtime.messaging.support.ChatClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.kit.time.AdjustableClock;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

@QuarkusTest
class TypingTest {

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
    void typingReachesTheOthersNeverTheTyperAndFastUpdatesAreDropped() {
        String conversation = Conversations.create("tina", false, "umar");
        try (ChatClient tina = ChatClient.connect(base, "tina"); ChatClient tinaPhone = ChatClient.connect(base, "tina");
                ChatClient umar = ChatClient.connect(base, "umar")) {
            tina.send("typing:start", Map.of("conversationId", conversation, "timestamp", "2025-01-01T00:00:00.000Z"));
            tina.send("typing:start", Map.of("conversationId", conversation)); // within a second: dropped
            JsonNode start = umar.expect("typing:start");
            assertThat(fieldNames(start)).containsExactly("type", "conversationId", "userId", "timestamp");
            assertThat(start.get("conversationId").asText()).isEqualTo(conversation);
            assertThat(start.get("userId").asText()).isEqualTo("tina");
            assertThat(start.get("timestamp").asText()).matches(TIMESTAMP);

            tina.send("typing:stop", Map.of("conversationId", conversation));
            JsonNode stop = umar.expect("typing:stop");
            assertThat(stop.get("userId").asText()).isEqualTo("tina");
            umar.expectSilence(Duration.ofMillis(700)); // the dropped start produced nothing
            tina.expectSilence(Duration.ofMillis(100));
            tinaPhone.expectSilence(Duration.ofMillis(100));
        }
    }

    @Test
    void theServerStopsTypingFiveSecondsAfterTheLastStart() {
        String conversation = Conversations.create("vera", false, "walt");
        try (ChatClient vera = ChatClient.connect(base, "vera"); ChatClient walt = ChatClient.connect(base, "walt")) {
            vera.send("typing:start", Map.of("conversationId", conversation));
            walt.expect("typing:start");
            clock.advance(Duration.ofMillis(4_500));
            walt.expectSilence(Duration.ofMillis(300));
            clock.advance(Duration.ofMillis(1_000)); // past 5 s since the start, on the service's clock
            JsonNode stop = walt.next(Duration.ofSeconds(2));
            assertThat(stop.get("type").asText()).isEqualTo("typing:stop");
            assertThat(stop.get("userId").asText()).isEqualTo("vera");
        }
    }

    @Test
    void typingInAConversationYouAreNotInIsRefused() {
        String conversation = Conversations.create("xena", false);
        try (ChatClient yuri = ChatClient.connect(base, "yuri")) {
            yuri.send("typing:start", Map.of("conversationId", conversation));
            assertThat(yuri.expect("connection:error").get("code").asText()).isEqualTo("NOT_PARTICIPANT");
        }
    }
}
