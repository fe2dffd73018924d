package io.realtime.bench.core;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Error frames a scenario received: counted (the meter's {@code errors}) and the first one kept for the report. */
public final class Errors {

    private final LongAdder count;
    private final AtomicReference<String> first = new AtomicReference<>();

    public Errors(Meter meter) {
        this.count = meter.counter("errors");
    }

    public void add(String text) {
        count.increment();
        first.compareAndSet(null, text);
    }

    public long count() {
        return count.sum();
    }

    /** Adds {@code first error} to a report's metrics, if there was one. */
    public void report(Map<String, Object> metrics) {
        if (first.get() != null) {
            metrics.put("first error", first.get());
        }
    }
}
