package io.realtime.bench.chat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.realtime.bench.core.Errors;
import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Meter;

/** The relay's counters and the per-token latency, shared by every chat. */
final class RelayMeter {

    static final String LATENCY = "model->client per token";

    private final TokenClock clock;
    private final long lateNanos;
    private final LongAdder frames;
    private final LongAdder late;
    private final LongAdder answers;
    private final Latencies latency;
    private final Errors errors;
    private volatile boolean recording;
    private final AtomicLong firstFrame = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastFrame = new AtomicLong(Long.MIN_VALUE);

    RelayMeter(Meter meter, TokenClock clock, long lateNanos) {
        this.clock = clock;
        this.lateNanos = lateNanos;
        this.frames = meter.counter("token frames");
        this.late = meter.counter("late tokens");
        this.answers = meter.counter("answers complete");
        this.errors = new Errors(meter);
        this.latency = meter.latency(LATENCY);
    }

    /** Tokens count from now on (after the warm-up rounds). */
    void record() {
        recording = true;
    }

    void chunk(String text) {
        long now = System.nanoTime();
        long since = clock.since(text, now);
        if (since < 0 || !recording) {
            return;
        }
        firstFrame.accumulateAndGet(now, Math::min);
        lastFrame.accumulateAndGet(now, Math::max);
        frames.increment();
        latency.record(since);
        if (since > lateNanos) {
            late.increment();
        }
    }

    void complete() {
        answers.increment();
    }

    Errors errors() {
        return errors;
    }

    long answers() {
        return answers.sum();
    }

    /** Token frames per second from the first recorded frame to the last. */
    long framesPerSecond() {
        double seconds = (lastFrame.get() - firstFrame.get()) / 1e9;
        return seconds > 0 ? Math.round(frames.sum() / seconds) : 0;
    }

    long frames() {
        return frames.sum();
    }

    long late() {
        return late.sum();
    }
}
