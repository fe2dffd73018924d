package io.realtime.docs.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.realtime.docs.document.repository.ChunkRepository;
import io.realtime.docs.document.repository.ChunkRepository.StoredVector;
import io.realtime.docs.document.service.VectorIndex;

/** The exact top-k of the in-memory index against brute force, on random normalised vectors; and its speed. */
class VectorIndexTest {

    private static final int DIMS = 384;

    @Test
    void topKMatchesBruteForceOnRandomVectors() {
        Random random = new Random(42);
        List<StoredVector> vectors = random(random, 5_000, 50);
        VectorIndex index = VectorIndex.of(DIMS, vectors);
        for (int query = 0; query < 20; query++) {
            float[] q = normalised(random, DIMS);
            for (int k : new int[] { 1, 5, 17, 5_000, 6_000 }) {
                VectorIndex.Hits hits = index.top(q, k);
                List<StoredVector> expected = vectors.stream()
                        .sorted(Comparator.comparingDouble((StoredVector v) -> -dot(q, v.vector()))).limit(k).toList();
                assertThat(hits.size()).isEqualTo(expected.size());
                for (int i = 0; i < hits.size(); i++) {
                    assertThat(hits.scores()[i]).isCloseTo(dot(q, expected.get(i).vector()), within(1e-4));
                    if (i > 0) {
                        assertThat(hits.scores()[i]).isLessThanOrEqualTo(hits.scores()[i - 1]);
                    }
                }
                assertThat(hits.chunkIds()[0]).isEqualTo(expected.get(0).chunkId());
            }
        }
    }

    /** Large enough to be scanned in parts on a multi-core machine; half the rows are near-duplicates of one. */
    @Test
    void topKIsExactAndDistinctOnALargeClusteredIndex() {
        Random random = new Random(11);
        List<StoredVector> vectors = new ArrayList<>(random(random, 20_000, 40));
        float[] centre = normalised(random, DIMS);
        for (int i = 0; i < 20_000; i++) {
            float[] noise = normalised(random, DIMS);
            float[] near = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                near[d] = centre[d] + 0.05f * noise[d];
            }
            vectors.add(new StoredVector(20_000 + i, i % 40, unit(near)));
        }
        VectorIndex index = VectorIndex.of(DIMS, vectors);
        for (int query = 0; query < 10; query++) {
            float[] q = query % 2 == 0 ? normalised(random, DIMS) : centre;
            for (int k : new int[] { 1, 5, 50 }) {
                VectorIndex.Hits hits = index.top(q, k);
                List<StoredVector> expected = vectors.stream()
                        .sorted(Comparator.comparingDouble((StoredVector v) -> -dot(q, v.vector()))).limit(k).toList();
                assertThat(Arrays.stream(hits.chunkIds()).distinct().count()).isEqualTo(k);
                for (int i = 0; i < k; i++) {
                    assertThat(hits.scores()[i]).isCloseTo(dot(q, expected.get(i).vector()), within(1e-4));
                }
            }
        }
    }

    @Test
    void documentsAreAddedOnceAndRemovedWhole() {
        Random random = new Random(7);
        VectorIndex index = VectorIndex.of(DIMS, random(random, 100, 4));
        assertThat(index.contains(2)).isTrue();
        VectorIndex without = index.without(2);
        assertThat(without.contains(2)).isFalse();
        assertThat(without.size()).isEqualTo(75);
        float[] q = normalised(random, DIMS);
        long[] ids = without.top(q, 100).chunkIds();
        assertThat(Arrays.stream(ids).filter(id -> id % 4 == 2)).isEmpty();
        assertThat(index.size()).as("the old index is unchanged").isEqualTo(100);
        assertThat(VectorIndex.empty(DIMS).top(q, 5).size()).isZero();
    }

    @Test
    void vectorsSurviveTheByteaEncoding() {
        float[] vector = normalised(new Random(1), DIMS);
        assertThat(ChunkRepository.floats(ChunkRepository.bytes(vector))).containsExactly(vector);
    }

    /** The load tool's target is p95 <= 20 ms for top-5 over 100k chunks; here a loose bound against regressions. */
    @Test
    void topFiveOverOneHundredThousandChunksIsFast() {
        Random random = new Random(3);
        VectorIndex index = VectorIndex.of(DIMS, random(random, 100_000, 200));
        float[] q = normalised(random, DIMS);
        for (int warm = 0; warm < 30; warm++) {
            index.top(q, 5);
        }
        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            float[] query = normalised(random, DIMS);
            long start = System.nanoTime();
            index.top(query, 5);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long p50 = nanos[nanos.length / 2] / 1_000_000;
        long p95 = nanos[(int) (nanos.length * 0.95)] / 1_000_000;
        Log.infof("top-5 over 100k x 384: p50 %d ms, p95 %d ms", p50, p95);
        assertThat(p95).isLessThan(200);
    }

    private static List<StoredVector> random(Random random, int count, int documents) {
        List<StoredVector> vectors = new ArrayList<>(count);
        IntStream.range(0, count)
                .forEach(i -> vectors.add(new StoredVector(i, i % documents, normalised(random, DIMS))));
        return vectors;
    }

    private static float[] normalised(Random random, int dims) {
        float[] vector = new float[dims];
        for (int i = 0; i < dims; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return unit(vector);
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
