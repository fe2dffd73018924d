package io.realtime.bench.rag;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Random L2-normalised vectors (Gaussian components, as VectorIndexTest uses) and a brute-force top k. */
final class Vectors {

    private final Random random;
    private final int dims;

    Vectors(long seed, int dims) {
        this.random = new Random(seed);
        this.dims = dims;
    }

    float[] next() {
        float[] vector = new float[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dims; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    float[][] next(int count) {
        float[][] vectors = new float[count][];
        Arrays.setAll(vectors, i -> next());
        return vectors;
    }

    /** The scores of the exact top k, best first (double precision). */
    static double[] bruteForceScores(float[][] vectors, float[] query, int k) {
        return IntStream.range(0, vectors.length).mapToDouble(i -> dot(vectors[i], query)).boxed()
                .sorted(Comparator.reverseOrder()).limit(k).mapToDouble(Double::doubleValue).toArray();
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
