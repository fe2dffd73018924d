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
        out.println();
        out.println("== " + scenario.name() + ": " + scenario.goal());
        out.println("   " + machine.sentence());
        try (Run run = new Run(options.withScenario(scenario.name()), out)) {
            Result result = scenario.run(run);
            Map<String, Histogram> histograms = run.meter().latencies().values().stream()
                    .collect(Collectors.toMap(Latencies::name, Latencies::total, (a, b) -> a,
                            java.util.LinkedHashMap::new));
            ReportWriter writer = new ReportWriter(directory, machine);
            writer.print(result, out);
            writer.write(result, histograms).forEach(file -> out.println("   wrote " + file));
            return result;
        }
    }
}
