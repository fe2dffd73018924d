package io.realtime.security.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;

@QuarkusTest
class WebSocketAuthenticatorTest {

    @TestHTTPResource("/probe")
    URI probe;

    @Test
    void validTokenInQueryIsAcceptedWithUserIdClaim() throws Exception {
        TestSocket session = connect("?token=" + encode(DevTokens.forUser("123").groups("instructor").sign()), null);
        assertThat(session.next()).isEqualTo("{\"type\":\"authenticated\",\"user_id\":\"123\",\"groups\":1}");
        assertThat(session.isClosed()).isFalse();
        session.close();
    }

    @Test
    void validTokenInBearerSubprotocolIsAccepted() throws Exception {
        TestSocket session = connect("", DevTokens.token("alice"));
        assertThat(session.next()).contains("\"user_id\":\"alice\"");
        assertThat(session.subprotocol()).isEqualTo(HandshakeTokens.BEARER_SUBPROTOCOL);
        session.close();
    }

    @Test
    void userIdFallsBackToSubject() throws Exception {
        TestSocket session = connect("?token=" + DevTokens.forUser("bob").withoutClaim("user_id").sign(), null);
        assertThat(session.next()).contains("\"user_id\":\"bob\"");
        session.close();
    }

    @Test
    void missingTokenIsAuthRequiredThenClose4001() throws Exception {
        assertRejected(connect("", null), "AUTH_REQUIRED");
        assertRejected(connect("?token=", null), "AUTH_REQUIRED");
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").expiredFor(Duration.ofMinutes(10)).sign(), null),
                "AUTH_FAILED");
    }

    @Test
    void aTokenIssuedInTheFutureIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").issuedIn(Duration.ofMinutes(10)).sign(), null),
                "AUTH_FAILED");
    }

    @Test
    void aTokenLivingLongerThanAllowedIsRejectedAShorterOneIsNot() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").lifetime(Duration.ofHours(25)).sign(), null),
                "AUTH_FAILED");
        try (TestSocket socket = connect("?token=" + DevTokens.forUser("1").lifetime(Duration.ofHours(23))
                .issuedIn(Duration.ofSeconds(20)).sign(), null)) {
            assertThat(socket.next()).contains("\"user_id\":\"1\""); // a little clock skew is fine
        }
    }

    @Test
    void userIdsStayExactOrTheTokenIsRefused() throws Exception {
        try (TestSocket exact = connect("?token=" + DevTokens.forUser("x").claim("user_id", 9007199254740991L).sign(),
                null)) {
            assertThat(exact.next()).contains("\"user_id\":\"9007199254740991\"");
        }
        for (Object unusable : new Object[] { new java.math.BigDecimal("1E400"), 9007199254740992L,
                new java.math.BigInteger("123456789012345678901234567890"), 1.5, "a\nb", "x".repeat(129), " " }) {
            assertRejected(connect("?token=" + DevTokens.forUser("x").claim("user_id", unusable).sign(), null),
                    "AUTH_FAILED");
        }
        String bigId = "123456789012345678901234567890";
        try (TestSocket big = connect("?token=" + DevTokens.forUser("x").claim("user_id", bigId).sign(), null)) {
            assertThat(big.next()).contains("\"user_id\":\"123456789012345678901234567890\""); // as a string: exact
        }
    }

    @Test
    void wrongSignatureIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").signedWithForeignKey().sign(), null),
                "AUTH_FAILED");
    }

    @Test
    void wrongIssuerIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").issuer("https://evil.example").sign(), null),
                "AUTH_FAILED");
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").audience("another-suite").sign(), null),
                "AUTH_FAILED");
        assertRejected(connect("?token=" + DevTokens.forUser("1").withoutClaim("aud").sign(), null), "AUTH_FAILED");
    }

    @Test
    void algNoneIsRejected() throws Exception {
        assertRejected(connect("?token=" + DevTokens.forUser("1").unsigned().sign(), null), "AUTH_FAILED");
    }

    @Test
    void garbageTokenIsRejected() throws Exception {
        assertRejected(connect("?token=not.a.jwt", null), "AUTH_FAILED");
    }

    @Test
    void tokensNeverReachTheLog() throws Exception {
        List<String> tokens = List.of(
                DevTokens.token("4242"),
                DevTokens.forUser("4243").expiredFor(Duration.ofMinutes(10)).sign(),
                DevTokens.forUser("4244").signedWithForeignKey().sign(),
                DevTokens.forUser("4245").issuer("https://evil.example").sign(),
                DevTokens.forUser("4246").unsigned().sign());
        for (String token : tokens) {
            TestSocket session = connect("?token=" + token, null);
            session.next();
            session.close();
        }
        Path log = Path.of("target/quarkus-test.log");
        String text = awaitLogContaining(log, "rejected: Invalid or expired token");
        assertThat(text).contains("/probe");
        for (String token : tokens) {
            assertThat(text).doesNotContain(token);
            for (String part : token.split("\\.")) {
                if (part.length() > 20) {
                    assertThat(text).doesNotContain(part);
                }
            }
        }
    }

    private static String awaitLogContaining(Path log, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(expected)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(text).contains(expected);
        return text;
    }

    private static void assertRejected(TestSocket socket, String code) {
        assertThat(socket.next()).isEqualTo("{\"type\":\"error\",\"code\":\"" + code + "\"}");
        assertThat(socket.awaitClose().code()).isEqualTo(4001);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private TestSocket connect(String query, String bearer) {
        URI uri = URI.create(probe.toString().replaceFirst("^http", "ws") + query);
        return bearer == null ? TestSocket.connect(uri)
                : TestSocket.connect(uri, HandshakeTokens.BEARER_SUBPROTOCOL, bearer);
    }
}
