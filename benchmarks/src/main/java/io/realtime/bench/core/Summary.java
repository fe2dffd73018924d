package io.realtime.bench.core;

import org.HdrHistogram.Histogram;

/** A latency distribution in milliseconds. */
public record Summary(long count, double mean, double p50, double p90, double p99, double p999, double max) {

    public static Summary of(Histogram histogram) {
        return new Summary(histogram.getTotalCount(), ms(histogram.getMean()),
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    static double ms(double nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    public String line() {
        return count == 0 ? "no samples" : String.format("p50 %.3f  p90 %.3f  p99 %.3f  p999 %.3f  max %.3f ms (n=%d)",
                p50, p90, p99, p999, max, count);
    }
}
