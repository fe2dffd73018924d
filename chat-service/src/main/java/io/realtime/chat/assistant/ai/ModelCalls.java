package io.realtime.chat.assistant.ai;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.quarkus.logging.Log;

/**
 * The non-streaming model call, guarded as every model call of the suite: on a worker thread, interrupted at its
 * timeout, at most so many at once with a short queue, behind a circuit breaker; its fallback is an empty answer,
 * after which the service extracts details by rules. Values can be changed without a rebuild through
 * {@code quarkus.fault-tolerance."io.realtime.chat.assistant.ai.ModelCalls/extract".<strategy>.<field>} (times in ms).
 */
@ApplicationScoped
public class ModelCalls {

    private final DetailsExtractor extractor;

    public ModelCalls(DetailsExtractor extractor) {
        this.extractor = extractor;
    }

    @Asynchronous
    @Timeout(15_000)
    @Bulkhead(value = 16, waitingTaskQueue = 64)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    @Fallback(fallbackMethod = "noExtraction")
    public CompletionStage<String> extract(String transcript) {
        return CompletableFuture.completedFuture(extractor.extract(transcript));
    }

    CompletionStage<String> noExtraction(String transcript, Throwable failure) {
        Log.warnf("Details extraction not available: %s", failure.toString());
        return CompletableFuture.completedFuture("");
    }
}
