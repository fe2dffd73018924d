package io.realtime.media.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.media.support.Stream;

/** stream.auth.required=true (the prod default): no token, no socket; disconnect needs the admin role. */
@QuarkusTest
@TestProfile(AuthRequiredTest.Required.class)
class AuthRequiredTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stream.auth.required", "true");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aTokenIsRequired() {
        TestSocket socket = TestSocket.connect(Stream.ws(base, "/api/stream/ws/locked"));
        JsonNode error = Stream.next(socket);
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(error.get("message").asText()).isEqualTo("Authentication required: No token provided");
        TestSocket.Close close = socket.awaitClose();
        assertThat(close.code()).isEqualTo(1008);
        assertThat(close.reason()).isEqualTo("Authentication required: No token provided");

        TestSocket bearer = TestSocket.connect(Stream.ws(base, "/api/stream/ws/locked"), "bearer-token-carrier",
                DevTokens.token("7"));
        JsonNode established = Stream.next(bearer);
        assertThat(established.get("type").asText()).isEqualTo("connection_established");
        assertThat(established.get("user_id").asText()).isEqualTo("7");
        bearer.close();
    }

    @Test
    void disconnectNeedsTheAdminRole() {
        given().delete("/api/stream/disconnect/locked").then().statusCode(401);
        given().auth().oauth2(DevTokens.token("7")).delete("/api/stream/disconnect/locked").then().statusCode(403);
        given().auth().oauth2(DevTokens.forUser("1").groups("admin").sign()).delete("/api/stream/disconnect/locked")
                .then().statusCode(200);
    }
}
