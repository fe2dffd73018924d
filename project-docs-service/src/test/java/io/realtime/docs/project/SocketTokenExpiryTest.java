package io.realtime.docs.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.support.SioClient;
import io.realtime.infra.token.DevTokens;
import io.realtime.kit.time.AdjustableClock;

/** A socket does not outlive its token: at expiry (on the service clock, moved here) an error, then disconnect. */
@QuarkusTest
class SocketTokenExpiryTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theServerDisconnectsWhenTheTokenExpires() {
        try (SioClient client = SioClient.connect(base,
                DevTokens.forUser("vic").lifetime(Duration.ofMinutes(10)).sign())) {
            clock.advance(Duration.ofMinutes(9));
            client.emit("ping", "{}");
            assertThat(client.next().get(0).asText()).isEqualTo("pong");

            clock.advance(Duration.ofMinutes(1).plusSeconds(1));
            JsonNode error = client.next();
            assertThat(error.get(0).asText()).isEqualTo("error");
            assertThat(error.at("/1/message").asText())
                    .isEqualTo("Authentication failed: the token has expired; reconnect with a new token");
            assertThat(client.raw()).isEqualTo("41");
            assertThat(client.awaitClose()).isNotNull();
        }
    }
}
