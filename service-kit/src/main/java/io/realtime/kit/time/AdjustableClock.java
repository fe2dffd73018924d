package io.realtime.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The clock of the test profile: real time plus an offset that a test moves forward instead of sleeping. Moving it
 * fires every {@link Timers} timer that has become due, so a 5 s auto-stop is tested in milliseconds.
 */
@Singleton
@IfBuildProfile("test")
public class AdjustableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Event<ClockAdvanced> advanced;

    public AdjustableClock(Event<ClockAdvanced> advanced) {
        this.advanced = advanced;
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
        advanced.fire(new ClockAdvanced(instant()));
    }

    /** Back to real time, for a test that moved far (timers keep their due times and fire when reached again). */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
