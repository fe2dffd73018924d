package io.realtime.bench;

import java.util.Map;

import io.realtime.bench.core.Scenario.Peer;
import io.realtime.bench.core.Summary;
import io.realtime.bench.report.Result;

/** Puts the Node peer's numbers beside the service's, in the service's result: the metric, its ratio, the p99s. */
final class Comparison {

    private Comparison() {
    }

    static void addPeer(Result service, Result peer, Peer how) {
        Map<String, Object> metrics = service.metrics();
        Object ours = metrics.get(how.metric());
        Object theirs = peer.metrics().get(how.metric());
        metrics.put("node peer (" + how.script() + "): " + how.metric(), theirs);
        if (ours instanceof Number a && theirs instanceof Number b && b.doubleValue() > 0) {
            metrics.put("ratio service / node peer (" + how.metric() + ")",
                    Math.round(a.doubleValue() / b.doubleValue() * 100) / 100.0);
        }
        service.latencies().forEach((name, summary) -> {
            Summary other = peer.latencies().get(name);
            if (other != null) {
                metrics.put("p99 " + name + ": service / node peer (ms)", summary.p99() + " / " + other.p99());
            }
        });
    }
}
