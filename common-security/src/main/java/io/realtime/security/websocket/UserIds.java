package io.realtime.security.websocket;

import java.math.BigDecimal;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.realtime.protocol.text.SafeText;

/**
 * The user a token speaks for: the {@code user_id} claim (number or string), else {@code sub}, else {@code upn}.
 * Ids stay exact: a numeric claim must be an integer a JavaScript client can hold exactly (|n| <= 2^53 - 1; larger
 * ids travel as strings), and a text id is 1 to {@value #MAX_LENGTH} characters of safe text. Anything else is no
 * id at all, so the token is refused rather than two users becoming one.
 */
public final class UserIds {

    public static final int MAX_LENGTH = 128;
    /** Number.MAX_SAFE_INTEGER. */
    public static final long MAX_EXACT = (1L << 53) - 1;

    private UserIds() {
    }

    public static Optional<String> find(JsonWebToken jwt) {
        for (String claim : new String[] { "user_id", "sub", "upn" }) {
            Object value;
            try {
                value = jwt.getClaim(claim);
            } catch (RuntimeException e) {
                return Optional.empty(); // e.g. 1E400: read as an infinite double, which no JSON value can hold
            }
            if (value != null) {
                return Optional.ofNullable(claimText(value)); // present but unusable: no fallback to another claim
            }
        }
        return Optional.empty();
    }

    /** For authenticated REST calls: a verified token without a usable user id is a 401, not a 500. */
    public static String of(JsonWebToken jwt) {
        return find(jwt).orElseThrow(() -> new AuthenticationFailedException("token without a usable user id"));
    }

    /** Whether a numeric id can travel as a JSON number to JavaScript clients without losing digits. */
    public static boolean isExactNumber(String userId) {
        if (!userId.matches("-?[1-9]\\d{0,15}|0")) {
            return false;
        }
        long value = Long.parseLong(userId);
        return Math.abs(value) <= MAX_EXACT;
    }

    private static String claimText(Object value) {
        String text;
        if (value instanceof jakarta.json.JsonString string) {
            text = string.getString();
        } else if (value instanceof jakarta.json.JsonNumber number) {
            return exactInteger(number.bigDecimalValue());
        } else if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue(); // jose4j reads integers beyond a long, and 1E400, so
            return Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) <= MAX_EXACT
                    ? Long.toString((long) number) : null;
        } else if (value instanceof Number number) {
            return exactInteger(new BigDecimal(number.toString()));
        } else {
            text = value.toString();
        }
        return isUsable(text) ? text : null;
    }

    /** A text user id: 1 to {@value #MAX_LENGTH} characters of safe text, not blank, without control characters. */
    public static boolean isUsable(String text) {
        return !text.isBlank() && text.length() <= MAX_LENGTH && SafeText.isSafe(text)
                && text.chars().noneMatch(Character::isISOControl);
    }

    private static String exactInteger(BigDecimal number) {
        try {
            BigDecimal abs = number.abs();
            if (abs.compareTo(BigDecimal.valueOf(MAX_EXACT)) > 0) {
                return null;
            }
            return Long.toString(number.longValueExact());
        } catch (ArithmeticException e) {
            return null; // a fraction
        }
    }
}
