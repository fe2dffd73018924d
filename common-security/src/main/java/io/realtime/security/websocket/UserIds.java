package io.realtime.security.websocket;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The user a token speaks for: the {@code user_id} claim (number or string), else {@code sub}, else {@code upn}. */
public final class UserIds {

    private UserIds() {
    }

    public static Optional<String> find(JsonWebToken jwt) {
        for (String claim : new String[] { "user_id", "sub", "upn" }) {
            String text = claimText(jwt.getClaim(claim));
            if (text != null && !text.isBlank()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** For authenticated REST calls, where the token has been verified already. */
    public static String of(JsonWebToken jwt) {
        return find(jwt).orElseThrow(() -> new IllegalStateException("token without a user id"));
    }

    private static String claimText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString string) {
            return string.getString();
        }
        if (value instanceof jakarta.json.JsonNumber number) {
            return number.isIntegral() ? number.bigIntegerValue().toString() : number.toString();
        }
        return value.toString();
    }
}
