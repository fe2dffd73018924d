package io.realtime.bench.core;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One latency in nanoseconds (1 us to 5 min, 3 digits), recorded from any event loop without locks; the reader
 * (the progress thread, one per run) takes interval histograms for the timeline and adds them up for the total.
 */
public final class Latencies {

    private static final long MAX = TimeUnit.MINUTES.toNanos(5);

    private final String name;
    private final Recorder recorder = new Recorder(1_000, MAX, 3);
    private final Histogram total = new Histogram(1_000, MAX, 3);
    private Histogram interval;

    public Latencies(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void record(long nanos) {
        recorder.recordValue(Math.max(1_000, Math.min(nanos, MAX)));
    }

    /** Closes the current interval (reader thread only) and returns it; it is added to the total. */
    public synchronized Histogram tick() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    public synchronized Summary summary() {
        tick();
        return Summary.of(total);
    }

    public synchronized Histogram total() {
        return total.copy();
    }
}
