package io.realtime.assessment.quiz.ai;

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
 * Every call to the model, guarded: run on a worker thread, interrupted at its timeout (the worker does not keep
 * waiting on the model), at most so many at once with a short queue (beyond it: refused at once), and behind a circuit
 * breaker that stops calling a failing model for a while. Each value can be changed without a rebuild through
 * {@code quarkus.fault-tolerance."io.realtime.assessment.quiz.ai.ModelCalls/<method>".<strategy>.<field>} (times in
 * milliseconds).
 */
@ApplicationScoped
public class ModelCalls {

    /** The chat reply when the model fails, times out, is busy or its circuit is open. */
    public static final String TUTOR_UNAVAILABLE =
            "Sorry, the AI assistant could not answer just now. Please try again in a moment.";

    private final QuestionWriter writer;
    private final AssessmentTutor tutor;

    public ModelCalls(QuestionWriter writer, AssessmentTutor tutor) {
        this.writer = writer;
        this.tutor = tutor;
    }

    /** One model output for a question; the caller validates it and may ask again. */
    @Asynchronous
    @Timeout(20_000)
    @Bulkhead(value = 16, waitingTaskQueue = 64)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    public CompletionStage<String> writeQuestion(String testName, String skill, String difficulty, String previous) {
        return CompletableFuture.completedFuture(writer.write(testName, skill, difficulty, previous));
    }

    @Asynchronous
    @Timeout(20_000)
    @Bulkhead(value = 16, waitingTaskQueue = 64)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    @Fallback(fallbackMethod = "tutorUnavailable")
    public CompletionStage<String> tutorReply(String testName, String question, String message) {
        return CompletableFuture.completedFuture(tutor.reply(testName, question, message));
    }

    CompletionStage<String> tutorUnavailable(String testName, String question, String message, Throwable failure) {
        Log.warnf("Chat reply not available: %s", failure.toString());
        return CompletableFuture.completedFuture(TUTOR_UNAVAILABLE);
    }
}
