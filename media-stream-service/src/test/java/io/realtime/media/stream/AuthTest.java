package io.realtime.media.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/** Anonymous clients allowed (this profile, dev and ./run); a token that is sent is verified like everywhere. */
@QuarkusTest
class AuthTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void aValidTokenNamesTheUser() {
        String session = "auth-" + UUID.randomUUID();
        try (Client client = join(session, "?token=" + DevTokens.token("42"))) {
            assertThat(client.established().get("user_id").asText()).isEqualTo("42");
            client.send(java.util.Map.of("type", "chat", "message", "signed"));
            JsonNode chat = client.next();
            assertThat(chat.get("user_id").asText()).isEqualTo("42");
            assertThat(chat.get("from").asText()).isEqualTo(client.id());
        }
    }

    @Test
    void badTokensAreRefusedEvenWhenAnonymousIsAllowed() {
        String expired = DevTokens.forUser("42").expiredFor(Duration.ofMinutes(5)).sign();
        for (String token : new String[] { "not-a-jwt", expired, DevTokens.forUser("42").signedWithForeignKey()
                .sign() }) {
            TestSocket socket = TestSocket.connect(Stream.ws(base, "/api/stream/ws/auth-x?token=" + token));
            JsonNode error = Stream.next(socket);
            assertThat(error.get("code").asText()).isEqualTo("AUTH_FAILED");
            assertThat(error.get("message").asText()).isEqualTo("Authentication failed: Invalid or expired token");
            TestSocket.Close close = socket.awaitClose();
            assertThat(close.code()).isEqualTo(1008);
            assertThat(close.reason()).isEqualTo("Authentication failed: Invalid or expired token");
        }
    }

    @Test
    void aSocketDoesNotOutliveItsToken() {
        String shortLived = DevTokens.forUser("42").lifetime(Duration.ofSeconds(2)).sign();
        try (Client client = join("auth-" + UUID.randomUUID(), "?token=" + shortLived)) {
            JsonNode error = client.next();
            assertThat(error.get("code").asText()).isEqualTo("AUTH_FAILED");
            TestSocket.Close close = client.socket().awaitClose();
            assertThat(close.code()).isEqualTo(1008);
            assertThat(close.reason()).isEqualTo(
                    "Authentication failed: the token has expired; reconnect with a new token");
        }
    }

    @Test
    void disconnectIsOpenWhereAnonymousIsAllowed() {
        given().delete("/api/stream/disconnect/auth-none").then().statusCode(200);
    }

    Client join(String session, String query) {
        TestSocket socket = TestSocket.connect(Stream.ws(base, "/api/stream/ws/" + session + query));
        JsonNode established = Stream.next(socket);
        return new Client(socket, established.get("client_id").asText(), established);
    }
}
