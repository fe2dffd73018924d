package io.realtime.bench.rag;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Suite;
import io.realtime.bench.report.Result;

/**
 * Top-k retrieval by project-docs-service's in-memory exact cosine index, in this JVM: {@code --chunks} random
 * normalised {@code --dims} vectors in one project's index, then {@code --queries} top-k searches one after another
 * (after {@code --warmup}), each timed; the first {@code --check} answers are compared with brute force.
 */
public final class RagRetrievalScenario implements Scenario {

    @Override
    public String name() {
        return "rag-retrieval";
    }

    @Override
    public String goal() {
        return "top-5 over 100k chunks (384 dims, exact cosine): p95 <= 20 ms";
    }

    @Override
    public Result run(Run run) throws Exception {
        Suite suite = Suite.from(run.options());
        int chunks = run.options().integer("chunks", 100_000, 1, 250_000);
        int dims = run.options().integer("dims", 384, 8, 4096);
        int documents = run.options().integer("documents", 200, 1, chunks);
        int k = run.options().integer("k", 5, 1, 50);
        int queries = run.options().integer("queries", 500, 1, 100_000);
        int warmup = run.options().integer("warmup", 50, 0, 10_000);
        int check = run.options().integer("check", 5, 0, Math.min(queries, 100));
        Path jar = ServiceIndex.appJar(suite.root().resolve("project-docs-service"));

        run.progress().phase("building the service's index of " + chunks + " x " + dims);
        Vectors random = new Vectors(3, dims);
        float[][] vectors = random.next(chunks);
        long built = System.nanoTime();
        ServiceIndex index = ServiceIndex.of(jar, dims, vectors, documents);
        double buildSeconds = (System.nanoTime() - built) / 1e9;

        run.progress().phase("warming up (" + warmup + " queries)");
        for (int i = 0; i < warmup; i++) {
            index.top(random.next(), k);
        }
        run.progress().phase("measuring " + queries + " queries");
        Latencies latencies = run.meter().latency("top-" + k);
        var done = run.meter().counter("queries");
        int exact = 0;
        for (int i = 0; i < queries; i++) {
            float[] query = random.next();
            long start = System.nanoTime();
            long[] ids = index.top(query, k);
            latencies.record(System.nanoTime() - start);
            done.increment();
            if (i < check && matchesBruteForce(vectors, query, k, ids)) {
                exact++;
            }
        }
        Histogram total = latencies.total();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("chunks", chunks);
        parameters.put("dims", dims);
        parameters.put("documents", documents);
        parameters.put("k", k);
        parameters.put("queries (after warm-up)", queries + " (" + warmup + ")");
        parameters.put("index code", jar);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("p50 (ms)", ms(total, 50));
        metrics.put("p95 (ms)", ms(total, 95));
        metrics.put("p99 (ms)", ms(total, 99));
        metrics.put("queries/s (one at a time)", Math.round(queries / (total.getMean() * queries / 1e9)));
        metrics.put("index build (s)", Math.round(buildSeconds * 100) / 100.0);
        metrics.put("exact top-k (checked against brute force)", exact + " of " + check);
        return new Result(name(), goal(), "project-docs-service VectorIndex, in-process", parameters, metrics,
                run.meter().summaries(), run.progress().ticks(), List.of(
                        "the service's own index class, loaded from its packaged jar and run in the generator's "
                                + "JVM (-Xmx1g under ./run bench): the scan over one project's chunks, as the "
                                + "service's InMemoryRetrieval calls it on a worker thread",
                        "not included: embedding the question (bge-small, in-process ONNX in the service) and "
                                + "reading the k chunks' text from PostgreSQL, which the service adds per search",
                        "random Gaussian unit vectors; queries one at a time (the index itself splits a large "
                                + "scan over the cores)"));
    }

    private static boolean matchesBruteForce(float[][] vectors, float[] query, int k, long[] ids) {
        double[] expected = Vectors.bruteForceScores(vectors, query, k);
        if (ids.length != expected.length) {
            return false;
        }
        for (int i = 0; i < ids.length; i++) {
            if (Math.abs(Vectors.dot(vectors[(int) ids[i]], query) - expected[i]) > 1e-4) {
                return false;
            }
        }
        return true;
    }

    private static double ms(Histogram histogram, double percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 1_000.0) / 1_000.0;
    }
}
