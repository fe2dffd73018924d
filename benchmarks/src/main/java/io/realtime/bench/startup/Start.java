package io.realtime.bench.startup;

/** One start of one service: spawn -> ready, Quarkus' own "started in" (or -1), RSS and heap used at ready. */
record Start(Service service, long readyNanos, double startedInSeconds, long rssKb, long heapKb) {

    double readySeconds() {
        return readyNanos / 1e9;
    }
}
