package io.realtime.docs.document.service;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The in-process embedding model (bge-small-en-v1.5, quantised ONNX, 384 dimensions; the model is inside its jar, no
 * network). Loaded once, on a worker thread, when the service starts; every call blocks, so callers run on workers.
 * Vectors come back L2-normalised, so cosine similarity is a dot product.
 */
@ApplicationScoped
public class Embeddings {

    public static final int DIMENSIONS = 384;

    /** bge's instruction for short queries searching passages (passages themselves are embedded as they are). */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final CompletableFuture<EmbeddingModel> model = new CompletableFuture<>();

    void start(@Observes StartupEvent started) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                long start = System.nanoTime();
                EmbeddingModel loaded = new BgeSmallEnV15QuantizedEmbeddingModel();
                loaded.embed("warm up");
                Log.infof("Embedding model loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
                model.complete(loaded);
            } catch (RuntimeException | Error e) {
                Log.errorf(e, "Embedding model could not be loaded");
                model.completeExceptionally(e);
            }
        });
    }

    /** Passages (chunks), in order; blocks until the model is loaded and the batch embedded. */
    public List<float[]> passages(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.join().embedAll(segments).content().stream()
                .map(embedding -> normalised(embedding.vector())).toList();
    }

    /** A question, with bge's query instruction; blocks. */
    public float[] query(String text) {
        return normalised(model.join().embed(QUERY_INSTRUCTION + text).content().vector());
    }

    static float[] normalised(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        float[] result = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            result[i] = vector[i] * scale;
        }
        return result;
    }
}
