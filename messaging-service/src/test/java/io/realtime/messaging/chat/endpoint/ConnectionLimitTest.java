package io.realtime.messaging.chat.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.messaging.support.ChatClient;

/** One user holds at most messaging.max-connections-per-user (10) connections per instance. */
@QuarkusTest
class ConnectionLimitTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void theConnectionOverTheLimitIsRefusedWithAReasonAndAFreedPlaceCanBeTaken() throws Exception {
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(ChatClient.connect(base, "hoarder"));
            }
            String ws = base.toString().replaceFirst("^http", "ws") + "ws?token=" + DevTokens.token("hoarder");
            try (TestSocket refused = TestSocket.connect(URI.create(ws))) {
                JsonNode error = ChatClient.JSON.readTree(refused.next());
                assertThat(error.get("type").asText()).isEqualTo("connection:error");
                assertThat(error.get("code").asText()).isEqualTo("TOO_MANY_CONNECTIONS");
                assertThat(error.get("message").asText()).contains("at most 10");
                TestSocket.Close close = refused.awaitClose();
                assertThat(close.code()).isEqualTo(1008);
                assertThat(close.reason()).isEqualTo("TOO_MANY_CONNECTIONS");
            }
            try (ChatClient someoneElse = ChatClient.connect(base, "not-the-hoarder")) {
                assertThat(someoneElse.userId).isEqualTo("not-the-hoarder"); // others are not affected
            }
            open.remove(0).close();
            // the freed place; the server sees the close a moment later
            await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> open.add(ChatClient.connect(base, "hoarder")));
            assertThat(open).hasSize(10);
        } finally {
            open.forEach(ChatClient::close);
        }
    }
}
