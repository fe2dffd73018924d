package io.realtime.bench.core;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** Every second: a progress line on the terminal (phase, counters, p99s) and a {@link Tick} for the report. */
public final class Progress implements AutoCloseable {

    private final Meter meter;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final List<Tick> ticks = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, Long> last = new HashMap<>();
    private volatile String phase = "starting";

    public Progress(Meter meter, PrintStream out) {
        this.meter = meter;
        this.out = out;
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public void phase(String name) {
        this.phase = name;
        out.printf("[%5.1fs] %s%n", seconds(), name);
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private synchronized void tick() {
        Map<String, Long> now = meter.counts();
        Map<String, Long> increments = new LinkedHashMap<>();
        now.forEach((name, value) -> increments.put(name, value - last.getOrDefault(name, 0L)));
        last = now;
        Map<String, Double> p99 = new LinkedHashMap<>();
        meter.latencies().forEach((name, latencies) -> {
            Histogram interval = latencies.tick();
            if (interval.getTotalCount() > 0) {
                p99.put(name, interval.getValueAtPercentile(99) / 1e6);
            }
        });
        ticks.add(new Tick(Math.round(seconds() * 10) / 10.0, increments, p99));
        StringBuilder line = new StringBuilder(String.format("[%5.1fs] %s:", seconds(), phase));
        now.forEach((name, value) -> line.append(' ').append(name).append(' ').append(value)
                .append(" (+").append(increments.get(name)).append(')'));
        p99.forEach((name, value) -> line.append(String.format(" %s-p99 %.2fms", name, value)));
        out.println(line);
    }

    public synchronized List<Tick> ticks() {
        return List.copyOf(ticks);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
