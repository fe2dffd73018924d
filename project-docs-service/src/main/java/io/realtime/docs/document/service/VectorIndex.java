package io.realtime.docs.document.service;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.realtime.docs.document.repository.ChunkRepository.StoredVector;

/**
 * One project's chunk vectors for exact cosine search, immutable: adding or removing a document makes a new index,
 * so searches never see a half-changed one. Vectors are L2-normalised and stored one after the other in one
 * {@code float[]} (row {@code i} at {@code i * dims}), so cosine similarity is a dot product over contiguous memory;
 * the top k are kept in a small min-heap while scanning (no sort of all scores).
 */
public final class VectorIndex {

    /** The best matches, best first: chunk ids and their cosine similarities. */
    public record Hits(long[] chunkIds, double[] scores) {

        public int size() {
            return chunkIds.length;
        }
    }

    private final int dims;
    private final float[] data;
    private final long[] chunkIds;
    private final long[] documentIds;
    private final Set<Long> documents;

    private VectorIndex(int dims, float[] data, long[] chunkIds, long[] documentIds) {
        this.dims = dims;
        this.data = data;
        this.chunkIds = chunkIds;
        this.documentIds = documentIds;
        Set<Long> ids = new HashSet<>();
        for (long id : documentIds) {
            ids.add(id);
        }
        this.documents = Set.copyOf(ids);
    }

    public static VectorIndex empty(int dims) {
        return new VectorIndex(dims, new float[0], new long[0], new long[0]);
    }

    public static VectorIndex of(int dims, List<StoredVector> vectors) {
        return empty(dims).with(vectors);
    }

    public int size() {
        return chunkIds.length;
    }

    public boolean contains(long documentId) {
        return documents.contains(documentId);
    }

    /** This index plus {@code vectors} (of vector length {@code dims}; others are skipped). */
    public VectorIndex with(List<StoredVector> vectors) {
        List<StoredVector> usable = vectors.stream().filter(vector -> vector.vector().length == dims).toList();
        if (usable.isEmpty()) {
            return this;
        }
        int n = size();
        int m = n + usable.size();
        float[] newData = Arrays.copyOf(data, m * dims);
        long[] newChunks = Arrays.copyOf(chunkIds, m);
        long[] newDocuments = Arrays.copyOf(documentIds, m);
        for (int i = 0; i < usable.size(); i++) {
            StoredVector vector = usable.get(i);
            System.arraycopy(vector.vector(), 0, newData, (n + i) * dims, dims);
            newChunks[n + i] = vector.chunkId();
            newDocuments[n + i] = vector.documentId();
        }
        return new VectorIndex(dims, newData, newChunks, newDocuments);
    }

    /** This index without the chunks of {@code documentId}. */
    public VectorIndex without(long documentId) {
        if (!contains(documentId)) {
            return this;
        }
        int kept = 0;
        for (long id : documentIds) {
            if (id != documentId) {
                kept++;
            }
        }
        float[] newData = new float[kept * dims];
        long[] newChunks = new long[kept];
        long[] newDocuments = new long[kept];
        int at = 0;
        for (int i = 0; i < documentIds.length; i++) {
            if (documentIds[i] != documentId) {
                System.arraycopy(data, i * dims, newData, at * dims, dims);
                newChunks[at] = chunkIds[i];
                newDocuments[at] = documentIds[i];
                at++;
            }
        }
        return new VectorIndex(dims, newData, newChunks, newDocuments);
    }

    /** Rows per part when a scan is split over the cores (smaller indexes are scanned by the calling thread). */
    static final int PART_ROWS = 16_384;

    /**
     * The {@code k} rows most similar to {@code query} (normalised, {@code dims} long), best first. A large index is
     * scanned in parts on the common fork-join pool (one part a core), each keeping its own top k, merged after.
     */
    public Hits top(float[] query, int k) {
        if (query.length != dims) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, the index " + dims);
        }
        int n = size();
        int limit = Math.min(k, n);
        if (limit <= 0) {
            return new Hits(new long[0], new double[0]);
        }
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, n / PART_ROWS));
        if (parts == 1) {
            return scan(query, limit, 0, n).hits(chunkIds);
        }
        int per = (n + parts - 1) / parts;
        List<Heap> found = IntStream.range(0, parts).parallel()
                .mapToObj(part -> scan(query, limit, part * per, Math.min(n, (part + 1) * per))).toList();
        Heap best = new Heap(limit);
        found.forEach(best::merge);
        return best.hits(chunkIds);
    }

    private Heap scan(float[] query, int limit, int from, int to) {
        Heap heap = new Heap(limit);
        for (int row = from; row < to; row++) {
            heap.offer(dot(query, data, row * dims, dims), row);
        }
        return heap;
    }

    /** A min-heap of the best rows so far: {@code scores[0]} is the weakest of them. */
    private static final class Heap {
        final float[] scores;
        final int[] rows;
        int filled;

        Heap(int limit) {
            this.scores = new float[limit];
            this.rows = new int[limit];
        }

        void offer(float score, int row) {
            if (filled < scores.length) {
                scores[filled] = score;
                rows[filled] = row;
                siftUp(scores, rows, filled++);
            } else if (score > scores[0]) {
                scores[0] = score;
                rows[0] = row;
                siftDown(scores, rows, filled);
            }
        }

        void merge(Heap other) {
            for (int i = 0; i < other.filled; i++) {
                offer(other.scores[i], other.rows[i]);
            }
        }

        Hits hits(long[] chunkIds) {
            long[] ids = new long[filled];
            double[] result = new double[filled];
            for (int i = filled - 1; i >= 0; i--) {
                ids[i] = chunkIds[rows[0]];
                result[i] = scores[0];
                scores[0] = scores[i];
                rows[0] = rows[i];
                siftDown(scores, rows, i);
            }
            filled = 0;
            return new Hits(ids, result);
        }
    }

    /** Dot product with eight independent accumulators (the adds pipeline instead of waiting on each other). */
    static float dot(float[] query, float[] data, int offset, int dims) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < dims; i += 8) {
            int at = offset + i;
            s0 += query[i] * data[at];
            s1 += query[i + 1] * data[at + 1];
            s2 += query[i + 2] * data[at + 2];
            s3 += query[i + 3] * data[at + 3];
            s4 += query[i + 4] * data[at + 4];
            s5 += query[i + 5] * data[at + 5];
            s6 += query[i + 6] * data[at + 6];
            s7 += query[i + 7] * data[at + 7];
        }
        for (; i < dims; i++) {
            s0 += query[i] * data[offset + i];
        }
        return (s0 + s1) + (s2 + s3) + ((s4 + s5) + (s6 + s7));
    }

    private static void siftUp(float[] scores, int[] rows, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (scores[parent] <= scores[at]) {
                return;
            }
            swap(scores, rows, parent, at);
            at = parent;
        }
    }

    private static void siftDown(float[] scores, int[] rows, int size) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[at] <= scores[smallest]) {
                return;
            }
            swap(scores, rows, at, smallest);
            at = smallest;
        }
    }

    private static void swap(float[] scores, int[] rows, int a, int b) {
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        int row = rows[a];
        rows[a] = rows[b];
        rows[b] = row;
    }
}
