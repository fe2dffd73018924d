package io.realtime.bench.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** A scenario's named counters and latencies; the progress thread turns them into a timeline. */
public final class Meter {

    private final Map<String, LongAdder> counters = new LinkedHashMap<>();
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();

    /** Registers a counter (before traffic starts: the maps are read by the progress thread). */
    public synchronized LongAdder counter(String name) {
        return counters.computeIfAbsent(name, n -> new LongAdder());
    }

    public synchronized Latencies latency(String name) {
        return latencies.computeIfAbsent(name, Latencies::new);
    }

    public synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counters.forEach((name, adder) -> counts.put(name, adder.sum()));
        return counts;
    }

    public synchronized Map<String, Latencies> latencies() {
        return new LinkedHashMap<>(latencies);
    }

    /** The summary of every latency that has samples, by name. */
    public Map<String, Summary> summaries() {
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (Latencies latency : latencies().values()) {
            Summary summary = latency.summary();
            if (summary.count() > 0) {
                summaries.put(latency.name(), summary);
            }
        }
        return summaries;
    }
}
