package io.realtime.bench.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Summary;
import io.realtime.bench.core.Tick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Prints a result's summary and writes {@code <scenario>.json}, {@code <scenario>.md} and its charts. */
public final class ReportWriter {

    private final Path directory;
    private final Machine machine;

    public ReportWriter(Path directory, Machine machine) {
        this.directory = directory;
        this.machine = machine;
    }

    public void print(Result result, PrintStream out) {
        out.println();
        out.println("== " + result.scenario() + " -> " + result.target() + " ==");
        out.println("   " + machine.sentence());
        result.metrics().forEach((name, value) -> out.println("   " + name + ": " + value));
        result.latencies().forEach((name, summary) -> out.println("   " + name + ": " + summary.line()));
        result.notes().forEach(note -> out.println("   note: " + note));
    }

    public List<Path> write(Result result, Map<String, org.HdrHistogram.Histogram> histograms) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve(result.scenario() + ".json");
        Files.writeString(json, toJson(result).encodePrettily());
        List<Path> charts = new Charts(directory).write(result, histograms);
        Path markdown = directory.resolve(result.scenario() + ".md");
        Files.writeString(markdown, new Markdown(machine).render(result, charts));
        return List.of(json, markdown);
    }

    JsonObject toJson(Result result) {
        JsonObject latencies = new JsonObject();
        result.latencies().forEach((name, summary) -> latencies.put(name, toJson(summary)));
        JsonArray timeline = new JsonArray();
        for (Tick tick : result.timeline()) {
            timeline.add(new JsonObject().put("second", tick.second())
                    .put("increments", new JsonObject(Map.copyOf(tick.increments())))
                    .put("p99Ms", new JsonObject(Map.copyOf(tick.p99()))));
        }
        return new JsonObject()
                .put("scenario", result.scenario())
                .put("goal", result.goal())
                .put("target", result.target())
                .put("machine", new JsonObject().put("cores", machine.cores()).put("loadAverage", machine.loadAverage())
                        .put("memoryMb", machine.memoryMb()).put("java", machine.java())
                        .put("at", machine.at().toString()).put("note", machine.sentence()))
                .put("parameters", new JsonObject(new java.util.LinkedHashMap<>(result.parameters())))
                .put("metrics", new JsonObject(new java.util.LinkedHashMap<>(result.metrics())))
                .put("latenciesMs", latencies)
                .put("timeline", timeline)
                .put("notes", new JsonArray(result.notes()));
    }

    private static JsonObject toJson(Summary summary) {
        return new JsonObject().put("count", summary.count()).put("mean", summary.mean()).put("p50", summary.p50())
                .put("p90", summary.p90()).put("p99", summary.p99()).put("p999", summary.p999())
                .put("max", summary.max());
    }
}
