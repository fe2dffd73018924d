package io.realtime.messaging.chat.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.kit.time.AdjustableClock;

@QuarkusTest
class MessagingSocketAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @TestHTTPResource("/ws")
    URI endpoint;

    @Inject
    AdjustableClock clock;

    @Test
    void validTokenGetsConnectionAuthenticated() throws Exception {
        try (TestSocket socket = open("?token=" + DevTokens.token("u-1"))) {
            JsonNode event = JSON.readTree(socket.next());
            assertThat(fieldNames(event)).containsExactly("type", "connectionId", "timestamp");
            assertThat(event.get("type").asText()).isEqualTo("connection:authenticated");
            assertThat(event.get("connectionId").asText()).isNotBlank();
            assertThat(event.get("timestamp").asText()).matches(TIMESTAMP);
        }
    }

    @Test
    void bearerSubprotocolCarriesTheTokenToo() throws Exception {
        try (TestSocket socket = TestSocket.connect(ws(""), "bearer-token-carrier", DevTokens.token("u-2"))) {
            assertThat(JSON.readTree(socket.next()).get("type").asText()).isEqualTo("connection:authenticated");
        }
    }

    @Test
    void eachConnectionGetsItsOwnId() throws Exception {
        try (TestSocket first = open("?token=" + DevTokens.token("u-3"));
                TestSocket second = open("?token=" + DevTokens.token("u-3"))) {
            assertThat(JSON.readTree(first.next()).get("connectionId"))
                    .isNotEqualTo(JSON.readTree(second.next()).get("connectionId"));
        }
    }

    @Test
    void noTokenIsAuthRequired() throws Exception {
        assertRejected("", "AUTH_REQUIRED");
    }

    @Test
    void expiredTokenIsAuthFailed() throws Exception {
        assertRejected("?token=" + DevTokens.forUser("u").expiredFor(Duration.ofHours(1)).sign(), "AUTH_FAILED");
    }

    @Test
    void foreignSignatureIsAuthFailed() throws Exception {
        assertRejected("?token=" + DevTokens.forUser("u").signedWithForeignKey().sign(), "AUTH_FAILED");
    }

    @Test
    void wrongIssuerIsAuthFailed() throws Exception {
        assertRejected("?token=" + DevTokens.forUser("u").issuer("https://elsewhere").sign(), "AUTH_FAILED");
    }

    @Test
    void algNoneIsAuthFailed() throws Exception {
        assertRejected("?token=" + DevTokens.forUser("u").unsigned().sign(), "AUTH_FAILED");
    }

    private void assertRejected(String query, String code) throws Exception {
        try (TestSocket socket = open(query)) {
            JsonNode event = JSON.readTree(socket.next());
            assertThat(fieldNames(event)).containsExactly("type", "message", "code", "timestamp");
            assertThat(event.get("type").asText()).isEqualTo("connection:error");
            assertThat(event.get("code").asText()).isEqualTo(code);
            assertThat(event.get("message").asText()).isNotBlank();
            assertThat(event.get("timestamp").asText()).matches(TIMESTAMP);
            TestSocket.Close close = socket.awaitClose();
            assertThat(close.code()).isEqualTo(4001);
            assertThat(close.reason()).isEqualTo(code);
        }
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpiresAndOthersStayOpen() throws Exception {
        clock.reset(); // earlier tests may have moved the service clock
        String shortLived = DevTokens.forUser("u-exp").lifetime(Duration.ofHours(1)).sign();
        try (TestSocket expiring = open("?token=" + shortLived);
                TestSocket lasting = open("?token=" + DevTokens.token("u-exp"))) {
            assertThat(JSON.readTree(expiring.next()).get("type").asText()).isEqualTo("connection:authenticated");
            assertThat(JSON.readTree(lasting.next()).get("type").asText()).isEqualTo("connection:authenticated");
            clock.advance(Duration.ofMinutes(59));
            assertThat(expiring.poll(Duration.ofMillis(300))).isNull();
            clock.advance(Duration.ofMinutes(2)); // past exp on the service's clock
            JsonNode error = JSON.readTree(expiring.next());
            assertThat(error.get("type").asText()).isEqualTo("connection:error");
            assertThat(error.get("code").asText()).isEqualTo("AUTH_FAILED");
            assertThat(error.get("message").asText()).contains("expired");
            TestSocket.Close close = expiring.awaitClose();
            assertThat(close.code()).isEqualTo(4001);
            assertThat(lasting.isClosed()).isFalse();
        } finally {
            clock.reset();
        }
    }

    private TestSocket open(String query) {
        return TestSocket.connect(ws(query));
    }

    private URI ws(String query) {
        return URI.create(endpoint.toString().replaceFirst("^http", "ws") + query);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
