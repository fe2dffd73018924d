package io.realtime.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.realtime.bench.core.Tick;

/** PNG charts: latency by percentile (log scale of 1/(1-p)) and counters per second over the run. */
final class Charts {

    private final Path directory;

    Charts(Path directory) {
        this.directory = directory;
    }

    List<Path> write(Result result, Map<String, Histogram> histograms) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> charts = new ArrayList<>();
        if (histograms.values().stream().anyMatch(h -> h.getTotalCount() > 0)) {
            charts.add(save(percentiles(result.scenario(), histograms), result.scenario() + "-latency.png"));
        }
        if (!result.timeline().isEmpty()) {
            charts.add(save(throughput(result), result.scenario() + "-throughput.png"));
        }
        return charts;
    }

    private Path save(JFreeChart chart, String name) throws IOException {
        Path file = directory.resolve(name);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 500);
        return file;
    }

    private static JFreeChart percentiles(String scenario, Map<String, Histogram> histograms) {
        XYSeriesCollection data = new XYSeriesCollection();
        histograms.forEach((name, histogram) -> {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            XYSeries series = new XYSeries(name);
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                double percentile = value.getPercentileLevelIteratedTo();
                if (percentile < 100.0) {
                    series.add(100.0 / (100.0 - percentile), value.getValueIteratedTo() / 1e6);
                }
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(scenario + ": latency by percentile",
                "percentile (1/(1-p): 10 = p90, 100 = p99, 1000 = p99.9)", "ms", data);
        LogarithmicAxis axis = new LogarithmicAxis("percentile (10 = p90, 100 = p99, 1000 = p99.9)");
        axis.setAllowNegativesFlag(false);
        chart.getXYPlot().setDomainAxis(axis);
        return chart;
    }

    private static JFreeChart throughput(Result result) {
        Set<String> names = new TreeSet<>();
        result.timeline().forEach(tick -> names.addAll(tick.increments().keySet()));
        XYSeriesCollection data = new XYSeriesCollection();
        for (String name : names) {
            XYSeries series = new XYSeries(name + " /s");
            for (Tick tick : result.timeline()) {
                series.add(tick.second(), tick.increments().getOrDefault(name, 0L));
            }
            data.addSeries(series);
        }
        return ChartFactory.createXYLineChart(result.scenario() + ": per second over the run", "seconds",
                "per second", data);
    }
}
