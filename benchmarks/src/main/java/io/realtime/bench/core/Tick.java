package io.realtime.bench.core;

import java.util.Map;

/** One second of a run: counters' increase over it and each latency's p99 in it (ms). */
public record Tick(double second, Map<String, Long> increments, Map<String, Double> p99) {
}
