package io.realtime.security.token;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** Applies {@link TokenLifetime} to bearer tokens on HTTP requests: a refused token is a 401, as a bad one is. */
@ApplicationScoped
public class TokenLifetimeAugmentor implements SecurityIdentityAugmentor {

    private final TokenLifetime lifetime;

    public TokenLifetimeAugmentor(TokenLifetime lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            var problem = lifetime.problem(jwt);
            if (problem.isPresent()) {
                Log.infof("HTTP bearer token refused: %s", problem.get());
                return Uni.createFrom().failure(new AuthenticationFailedException(problem.get()));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
