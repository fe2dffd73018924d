package io.realtime.bench.assessment;

import java.util.concurrent.atomic.LongAdder;

import io.realtime.bench.core.Errors;
import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Meter;

/** The assessment scenario's counters and latencies, shared by every candidate. */
final class AnswerMeter {

    static final String CORRECTED = "answer->feedback";
    static final String UNCORRECTED = "answer->feedback (uncorrected)";

    private final LongAdder sent;
    private final LongAdder feedbacks;
    private final LongAdder skipped;
    private final Latencies corrected;
    private final Latencies uncorrected;
    private final Errors errors;

    AnswerMeter(Meter meter) {
        this.sent = meter.counter("answers sent");
        this.feedbacks = meter.counter("feedbacks");
        this.errors = new Errors(meter);
        this.skipped = meter.counter("skipped (attempt finished)");
        this.corrected = meter.latency(CORRECTED);
        this.uncorrected = meter.latency(UNCORRECTED);
    }

    LongAdder sent() {
        return sent;
    }

    LongAdder skipped() {
        return skipped;
    }

    void feedback(long sinceDue, long sinceSent) {
        feedbacks.increment();
        corrected.record(sinceDue);
        uncorrected.record(sinceSent);
    }

    Errors errors() {
        return errors;
    }

    long answered() {
        return feedbacks.sum();
    }
}
