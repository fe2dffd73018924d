package io.realtime.security.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.realtime.security.config.TokenRules;

/**
 * The lifetime rules smallrye-jwt does not check, applied to every verified token, on sockets and REST alike:
 * {@code iat} not in the future (beyond the allowed clock skew) and {@code exp - iat} within the maximum lifetime.
 */
@ApplicationScoped
public class TokenLifetime {

    private final TokenRules rules;

    public TokenLifetime(TokenRules rules) {
        this.rules = rules;
    }

    /** Why the token must be refused, or empty when it may be used. */
    public Optional<String> problem(JsonWebToken jwt) {
        Instant now = Clock.systemUTC().instant(); // token times are real time, like smallrye-jwt's expiry check
        Instant issued = jwt.getIssuedAtTime() <= 0 ? now : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        if (issued.isAfter(now.plus(rules.clockSkew()))) {
            return Optional.of("Token issued in the future");
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (Duration.between(issued, expiresAt).compareTo(rules.maxLifetime()) > 0) {
            return Optional.of("Token lives too long");
        }
        return Optional.empty();
    }
}
