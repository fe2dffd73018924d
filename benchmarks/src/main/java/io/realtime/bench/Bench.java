package io.realtime.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.NodePeer;
import io.realtime.bench.core.Options;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.report.Machine;
import io.realtime.bench.report.ReportWriter;
import io.realtime.bench.report.Result;

/**
 * {@code bench <scenario>|all [--option value]...}: runs scenarios against a running suite on loopback, prints each
 * summary and writes JSON + Markdown (+ PNG charts) under {@code --out}.
 */
public final class Bench {

    private final Options options;
    private final PrintStream out;

    public Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            List<Result> results = new Bench(Options.parse(Arrays.asList(args)), System.out).runAll();
            System.exit(results.isEmpty() ? 1 : 0);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println("scenarios: " + String.join(", ", Scenarios.names()) + ", all");
            System.exit(2);
        }
    }

    public List<Result> runAll() {
        List<String> names = options.scenario().equals("all") ? Scenarios.names() : List.of(options.scenario());
        names.forEach(Scenarios::named);
        Path directory = Path.of(options.string("out", "benchmarks/target/bench-reports/"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        List<Result> results = new ArrayList<>();
        for (String name : names) {
            try {
                results.add(runOne(Scenarios.named(name), directory));
            } catch (Exception e) {
                out.println("== " + name + " FAILED: " + e.getMessage());
                if (!options.scenario().equals("all")) {
                    throw new IllegalStateException(name + " failed", e);
                }
            }
        }
        out.println();
        out.println("reports in " + directory.toAbsolutePath());
        return results;
    }

    private Result runOne(Scenario scenario, Path directory) throws Exception {
        Machine machine = Machine.now();
        Options scenarioOptions = options.withScenario(scenario.name());
        Measured service = measure(scenario, scenario.name(), scenarioOptions);
        Scenario.Peer peer = scenario.peer();
        if (options.flag("peer") && peer != null) {
            Path peers = Path.of(options.string("peers-dir", "benchmarks/peers"));
            int port = options.integer("peer-port", peer.port(), 1024, 65535);
            try (NodePeer node = NodePeer.start(peers, peer.script(), port)) {
                Measured other = measure(scenario, scenario.name() + "-node-peer",
                        scenarioOptions.with("port", Integer.toString(port)));
                write(other, directory, machine);
                Comparison.addPeer(service.result(), other.result(), peer);
            }
        }
        write(service, directory, machine);
        return service.result();
    }

    private Measured measure(Scenario scenario, String name, Options scenarioOptions) throws Exception {
        out.println();
        out.println("== " + name + ": " + scenario.goal());
        out.println("   " + Machine.now().sentence());
        try (Run run = new Run(scenarioOptions, out)) {
            Result result = scenario.run(run);
            Result named = new Result(name, result.goal(), result.target(), result.parameters(), result.metrics(),
                    result.latencies(), result.timeline(), result.notes());
            Map<String, Histogram> histograms = run.meter().latencies().values().stream()
                    .collect(Collectors.toMap(Latencies::name, Latencies::total, (a, b) -> a,
                            java.util.LinkedHashMap::new));
            return new Measured(named, histograms);
        }
    }

    private void write(Measured measured, Path directory, Machine machine) throws java.io.IOException {
        ReportWriter writer = new ReportWriter(directory, machine);
        writer.print(measured.result(), out);
        writer.write(measured.result(), measured.histograms()).forEach(file -> out.println("   wrote " + file));
    }

    /** A result with the full latency histograms behind it (for the charts). */
    private record Measured(Result result, Map<String, Histogram> histograms) {
    }
}
