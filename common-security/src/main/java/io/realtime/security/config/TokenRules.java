package io.realtime.security.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules on tokens beyond signature, issuer and expiry (which smallrye-jwt checks). */
@ConfigMapping(prefix = "realtime.jwt")
public interface TokenRules {

    /** The longest lifetime ({@code exp - iat}) accepted; longer-lived tokens are refused. */
    @WithDefault("24h")
    Duration maxLifetime();

    /** How far in the future {@code iat} may lie (clocks differ a little); beyond it the token is refused. */
    @WithDefault("60s")
    Duration clockSkew();
}
