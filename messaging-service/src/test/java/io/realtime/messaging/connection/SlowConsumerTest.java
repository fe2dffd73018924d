package io.realtime.messaging.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtime.infra.test.PrometheusScrape;
import io.realtime.kit.time.AdjustableClock;
import io.realtime.messaging.chat.MessageFlowTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;
import io.realtime.messaging.support.StalledReader;

/**
 * A client that stops reading (a frozen tab) is not allowed to grow the server's memory: once more than
 * {@code messaging.outbound.max-queued-frames} frames wait for it, it is closed with 1008, and nobody else waits.
 */
@QuarkusTest
@TestProfile(SlowConsumerTest.SmallOutboundQueue.class)
class SlowConsumerTest {

    public static class SmallOutboundQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("messaging.outbound.max-queued-frames", "4");
        }
    }

    /** 10,000 characters of three UTF-8 bytes each: about 30 KB per frame, so the kernel buffers fill soon. */
    private static final String BULK = "€".repeat(9_990);
    private static final int MAX_MESSAGES = 400;

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1008WhileTheOthersKeepReceivingEverything() {
        String conversation = Conversations.create("talker", false, "frozen", "reader");
        double overflowsBefore = overflows();
        int sent = 0;
        try (StalledReader frozen = StalledReader.connect(base, "frozen");
                ChatClient talker = ChatClient.connect(base, "talker");
                ChatClient reader = ChatClient.connect(base, "reader")) {
            while (sent < MAX_MESSAGES && overflows() == overflowsBefore) {
                for (int i = 0; i < 10; i++, sent++) {
                    talker.sendMessage("stall-" + sent, conversation, sent + " " + BULK);
                    assertThat(MessageFlowTest.statuses(talker, 3)).containsExactly("received", "message:receive",
                            "delivered");
                    assertThat(numberOf(reader.expect("message:receive"))).isEqualTo(sent);
                }
                clock.advance(Duration.ofSeconds(61)); // past the message rate limit: the next 10 are allowed
            }
            assertThat(overflows()).as("closed as too slow after %d messages", sent)
                    .isEqualTo(overflowsBefore + 1);

            StalledReader.Received got = frozen.readUntilClose();
            assertThat(got.closeCode()).isEqualTo(1008);
            assertThat(got.closeReason()).isEqualTo("Too many unsent frames");
            List<JsonNode> frames = new ArrayList<>();
            for (String text : got.texts()) {
                frames.add(json(text));
            }
            assertThat(frames.get(0).get("type").asText()).isEqualTo("connection:authenticated");
            List<Integer> numbers = frames.subList(1, frames.size()).stream().map(SlowConsumerTest::numberOf).toList();
            assertThat(numbers).as("what got through came in order, without gaps, and not all of it")
                    .isEqualTo(IntStream.range(0, numbers.size()).boxed().toList());
            assertThat(numbers.size()).isLessThan(sent);

            talker.sendMessage("stall-after-the-close", conversation, "still talking");
            assertThat(MessageFlowTest.statuses(talker, 3)).containsExactly("received", "message:receive",
                    "delivered");
            assertThat(reader.expect("message:receive").get("content").asText()).isEqualTo("still talking");
        }
        assertThat(Conversations.storedCount("SELECT count(*) FROM message WHERE conversation_id = ?::uuid",
                conversation)).isEqualTo(sent + 1);
    }

    private double overflows() {
        return PrometheusScrape.of(base).value("realtime_ws_errors_total",
                Map.of("service", "messaging-service", "endpoint", "messaging", "code", "OUTBOUND_OVERFLOW"));
    }

    private static int numberOf(JsonNode receive) {
        assertThat(receive.get("type").asText()).isEqualTo("message:receive");
        String content = receive.get("content").asText();
        return Integer.parseInt(content.substring(0, content.indexOf(' ')));
    }

    private static JsonNode json(String text) {
        try {
            return ChatClient.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
