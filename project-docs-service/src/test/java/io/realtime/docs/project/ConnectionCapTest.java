package io.realtime.docs.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.SioClient;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;

/** One user holds at most docs.socketio.max-connections-per-user (10) connections; one more is refused. */
@QuarkusTest
class ConnectionCapTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theEleventhConnectionOfAUserIsRefusedUntilOneCloses() {
        String token = DevTokens.token("cap-user");
        List<SioClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                open.add(SioClient.connect(base, token));
            }
            assertThat(refusal(token)).isEqualTo("44{\"message\":\"Too many connections: at most 10 per user\","
                    + "\"data\":{\"code\":\"TOO_MANY_CONNECTIONS\"}}");
            try (SioClient other = SioClient.connect(base, DevTokens.token("cap-other"))) {
                other.emit("ping", "{}");
                assertThat(other.next().get(0).asText()).isEqualTo("pong");
            }
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> refusal(token).startsWith("40{\"sid\""));
        } finally {
            open.forEach(SioClient::close);
        }
    }

    private String refusal(String token) {
        try (TestSocket socket = TestSocket.connect(URI.create(base.toString().replaceFirst("^http", "ws")
                + "socket.io/?EIO=4&transport=websocket"))) {
            socket.next();
            socket.send("40{\"token\":\"" + token + "\"}");
            return socket.next();
        }
    }
}
