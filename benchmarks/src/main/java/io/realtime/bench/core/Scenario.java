package io.realtime.bench.core;

import io.realtime.bench.report.Result;

/** One measurement: sets up its target's data, drives traffic within its bounds, returns what it measured. */
public interface Scenario {

    String name();

    /** One line for the report: what it measures and against what goal. */
    String goal();

    Result run(Run run) throws Exception;

    /** The Node peer doing the same job ({@code benchmarks/peers/<script>}), if there is one. */
    default Peer peer() {
        return null;
    }

    /** A peer script, the port it listens on, and the metric both runs are compared by (service / peer). */
    record Peer(String script, int port, String metric) {
    }
}
