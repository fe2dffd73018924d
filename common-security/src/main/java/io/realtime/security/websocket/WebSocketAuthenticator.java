package io.realtime.security.websocket;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HandshakeRequest;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.text.SafeText;
import io.realtime.security.config.TokenRules;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The one WebSocket authentication every JWT-protected service uses. Signature, expiry and issuer are verified by
 * smallrye-jwt against {@code mp.jwt.verify.*}; unsigned ({@code alg: none}) tokens never verify.
 * The handshake is accepted either way, so that the endpoint can send its protocol's error frame before closing.
 */
@ApplicationScoped
public class WebSocketAuthenticator {

    private final JWTParser parser;
    private final TokenRules rules;

    public WebSocketAuthenticator(JWTParser parser, TokenRules rules) {
        this.parser = parser;
        this.rules = rules;
    }

    public AuthResult authenticate(HandshakeRequest request) {
        Optional<String> token = HandshakeTokens.extract(request);
        if (token.isEmpty()) {
            return reject(request, ErrorCode.AUTH_REQUIRED, "No token provided");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token.get());
        } catch (ParseException e) {
            return reject(request, ErrorCode.AUTH_FAILED, "Invalid or expired token");
        } catch (RuntimeException e) {
            // a verified token with a claim the parser cannot represent (a number like 1E400)
            return reject(request, ErrorCode.AUTH_FAILED, "Token with unreadable claims");
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        String lifetimeProblem = lifetimeProblem(jwt, expiresAt, Instant.now());
        if (lifetimeProblem != null) {
            return reject(request, ErrorCode.AUTH_FAILED, lifetimeProblem);
        }
        Optional<String> userId = UserIds.find(jwt);
        if (userId.isEmpty()) {
            return reject(request, ErrorCode.AUTH_FAILED, "Token has no user id");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new AuthResult.Authenticated(userId.get(), groups, expiresAt);
    }

    /**
     * Null when {@code iat} is not in the future and the token lives no longer than allowed (counted from {@code iat},
     * or from now when the token has none).
     */
    private String lifetimeProblem(JsonWebToken jwt, Instant expiresAt, Instant now) {
        Instant issued = jwt.getIssuedAtTime() <= 0 ? now : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        if (issued.isAfter(now.plus(rules.clockSkew()))) {
            return "Token issued in the future";
        }
        return Duration.between(issued, expiresAt).compareTo(rules.maxLifetime()) > 0 ? "Token lives too long" : null;
    }

    private static AuthResult reject(HandshakeRequest request, ErrorCode code, String reason) {
        // the path only: the query string may carry the token
        Log.infof("WebSocket handshake on %s rejected: %s", SafeText.forLog(request.path()), reason);
        return new AuthResult.Rejected(code, reason);
    }
}
