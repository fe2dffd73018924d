package io.realtime.kit.time;

import java.time.Instant;

/** CDI event: the adjustable clock moved forward; timers due by {@code now} fire. */
public record ClockAdvanced(Instant now) {
}
