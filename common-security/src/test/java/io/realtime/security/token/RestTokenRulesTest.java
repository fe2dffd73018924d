package io.realtime.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.token.DevTokens;

/** REST requests are held to the same token rules as WebSocket handshakes. */
@QuarkusTest
class RestTokenRulesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/rest-probe")
    URI probe;

    @Test
    void aGoodTokenIsAccepted() throws Exception {
        assertThat(status("", DevTokens.token("1"))).isEqualTo(200);
        assertThat(status("/instructor", DevTokens.forUser("1").groups("instructor").sign())).isEqualTo(200);
    }

    @Test
    void aTokenIssuedInTheFutureIs401() throws Exception {
        assertThat(status("", DevTokens.forUser("1").issuedIn(Duration.ofMinutes(10)).sign())).isEqualTo(401);
        assertThat(status("/instructor", DevTokens.forUser("1").groups("instructor").issuedIn(Duration.ofMinutes(10))
                .sign())).isEqualTo(401);
    }

    @Test
    void aTokenLivingTooLongIs401() throws Exception {
        assertThat(status("", DevTokens.forUser("1").lifetime(Duration.ofHours(25)).sign())).isEqualTo(401);
        assertThat(status("", DevTokens.forUser("1").lifetime(Duration.ofHours(23)).sign())).isEqualTo(200);
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIs401() throws Exception {
        assertThat(status("", DevTokens.forUser("1").audience("another-suite").sign())).isEqualTo(401);
        assertThat(status("", DevTokens.forUser("1").withoutClaim("aud").sign())).isEqualTo(401);
    }

    @Test
    void expiredOrForeignTokensAre401() throws Exception {
        assertThat(status("", DevTokens.forUser("1").expiredFor(Duration.ofMinutes(5)).sign())).isEqualTo(401);
        assertThat(status("", DevTokens.forUser("1").signedWithForeignKey().sign())).isEqualTo(401);
        assertThat(status("", null)).isEqualTo(401);
    }

    private int status(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(probe + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
