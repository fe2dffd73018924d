package io.realtime.bench.chat;

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
        long since = clock.since(text, System.nanoTime());
        if (since < 0 || !recording) {
            return;
        }
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

    long frames() {
        return frames.sum();
    }

    long late() {
        return late.sum();
    }
}
