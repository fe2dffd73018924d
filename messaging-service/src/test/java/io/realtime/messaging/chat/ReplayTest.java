package io.realtime.messaging.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

@QuarkusTest
class ReplayTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aReconnectingClientGetsWhatItMissedInOrderBeforeLiveTraffic() {
        String conversation = Conversations.create("anna", false, "ben");
        try (ChatClient anna = ChatClient.connect(base, "anna")) {
            for (int i = 1; i <= 4; i++) {
                anna.sendMessage("replay-" + i, conversation, "missed " + i);
                MessageFlowTest.statuses(anna, 3);
            }
            try (ChatClient ben = ChatClient.connect(base, "ben", "&lastMessageId=replay-1")) {
                anna.sendMessage("replay-5", conversation, "live 5");
                List<String> seen = new ArrayList<>();
                for (JsonNode event : ben.take(4)) {
                    assertThat(event.get("type").asText()).isEqualTo("message:receive");
                    seen.add(event.get("content").asText());
                }
                assertThat(seen).containsExactly("missed 2", "missed 3", "missed 4", "live 5");
                ben.expectSilence(Duration.ofMillis(500));
            }
        }
    }

    @Test
    void sinceATimestampAndOnlyFromYourOwnConversations() {
        String mine = Conversations.create("cleo", false, "dan");
        String theirs = Conversations.create("erin", false);
        String before = io.realtime.protocol.wire.WireTime.now();
        try (ChatClient cleo = ChatClient.connect(base, "cleo"); ChatClient erin = ChatClient.connect(base, "erin")) {
            cleo.sendMessage("since-1", mine, "for dan");
            MessageFlowTest.statuses(cleo, 3);
            erin.sendMessage("since-2", theirs, "not for dan");
            MessageFlowTest.statuses(erin, 3);
        }
        try (ChatClient dan = ChatClient.connect(base, "dan", "&since=" + before)) {
            assertThat(dan.expect("message:receive").get("content").asText()).isEqualTo("for dan");
            dan.expectSilence(Duration.ofMillis(500));
        }
        // a message id from a conversation you are not in replays nothing
        try (ChatClient dan = ChatClient.connect(base, "dan", "&lastMessageId=since-2")) {
            dan.expectSilence(Duration.ofMillis(500));
        }
    }
}
