package io.realtime.bench.report;

import java.nio.file.Path;
import java.util.List;

import io.realtime.bench.core.Summary;

/** The Markdown report of one scenario. */
final class Markdown {

    private final Machine machine;

    Markdown(Machine machine) {
        this.machine = machine;
    }

    String render(Result result, List<Path> charts) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(result.scenario()).append("\n\n");
        md.append("Goal: ").append(result.goal()).append("  \n");
        md.append("Target: `").append(result.target()).append("`  \n");
        md.append("Machine: ").append(machine.sentence()).append("\n\n");
        md.append("## Parameters\n\n| parameter | value |\n| --- | --- |\n");
        result.parameters().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Results\n\n| metric | value |\n| --- | --- |\n");
        result.metrics().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        if (!result.latencies().isEmpty()) {
            md.append("\n## Latencies (ms)\n\n| latency | n | p50 | p90 | p99 | p99.9 | max |\n");
            md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            result.latencies().forEach((name, s) -> md.append(row(name, s)));
        }
        if (!result.notes().isEmpty()) {
            md.append("\n## Notes\n\n");
            result.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        }
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            charts.forEach(chart -> md.append("![").append(chart.getFileName()).append("](")
                    .append(chart.getFileName()).append(")\n\n"));
        }
        return md.toString();
    }

    private static String row(String name, Summary s) {
        return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, s.count(), s.p50(), s.p90(),
                s.p99(), s.p999(), s.max());
    }
}
