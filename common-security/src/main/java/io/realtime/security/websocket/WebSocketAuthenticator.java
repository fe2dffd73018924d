package io.realtime.security.websocket;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.HandshakeRequest;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.text.SafeText;
import io.realtime.security.token.TokenLifetime;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The one WebSocket authentication every JWT-protected service uses. Signature, expiry, issuer and audience are
 * verified by smallrye-jwt against {@code mp.jwt.verify.*}, the lifetime by {@link TokenLifetime}; unsigned ({@code alg: none}) tokens never verify.
 * The handshake is accepted either way, so that the endpoint can send its protocol's error frame before closing.
 */
@ApplicationScoped
public class WebSocketAuthenticator {

    private final JWTParser parser;
    private final TokenLifetime lifetime;

    public WebSocketAuthenticator(JWTParser parser, TokenLifetime lifetime) {
        this.parser = parser;
        this.lifetime = lifetime;
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
        Optional<String> lifetimeProblem = lifetime.problem(jwt);
        if (lifetimeProblem.isPresent()) {
            return reject(request, ErrorCode.AUTH_FAILED, lifetimeProblem.get());
        }
        Optional<String> userId = UserIds.find(jwt);
        if (userId.isEmpty()) {
            return reject(request, ErrorCode.AUTH_FAILED, "Token has no user id");
        }
        Set<String> groups = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new AuthResult.Authenticated(userId.get(), groups, Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    private static AuthResult reject(HandshakeRequest request, ErrorCode code, String reason) {
        // the path only: the query string may carry the token
        Log.infof("WebSocket handshake on %s rejected: %s", SafeText.forLog(request.path()), reason);
        return new AuthResult.Rejected(code, reason);
    }
}
