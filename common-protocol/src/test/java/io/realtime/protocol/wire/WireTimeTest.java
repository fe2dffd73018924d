package io.realtime.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WireTimeTest {

    @Test
    void keepsThreeFractionDigitsEvenWhenZero() {
        assertThat(WireTime.format(Instant.parse("2024-01-01T12:00:00Z"))).isEqualTo("2024-01-01T12:00:00.000Z");
    }

    @Test
    void truncatesToMillisInUtc() {
        assertThat(WireTime.format(Instant.parse("2024-01-01T12:00:00.123456789Z")))
                .isEqualTo("2024-01-01T12:00:00.123Z");
    }

    @Test
    void parsesWhatItFormats() {
        Instant instant = Instant.parse("2025-06-30T23:59:59.999Z");
        assertThat(WireTime.parse(WireTime.format(instant))).isEqualTo(instant);
    }
}
