package io.realtime.protocol.wire;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as every guide shows them: ISO-8601, UTC, always three fraction digits, {@code Z} suffix
 * ({@code 2024-01-01T12:00:00.000Z}). {@link Instant#toString()} drops zero millis, so it is not used on the wire.
 */
public final class WireTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    public static String now() {
        return now(Clock.systemUTC());
    }

    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
