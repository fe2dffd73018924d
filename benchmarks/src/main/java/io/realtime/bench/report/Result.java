package io.realtime.bench.report;

import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Summary;
import io.realtime.bench.core.Tick;

/**
 * What a scenario measured: its parameters, headline metrics (name -> number or text), latency summaries, the
 * per-second timeline and notes (what the numbers suggest, what went wrong).
 */
public record Result(String scenario, String goal, String target, Map<String, Object> parameters,
        Map<String, Object> metrics, Map<String, Summary> latencies, List<Tick> timeline, List<String> notes) {
}
