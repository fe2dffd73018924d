package io.realtime.messaging.chat.ai;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The assistant's streamed reply, guarded as a whole (SmallRye Fault Tolerance): at most so many streams at once
 * with a short queue (beyond it the reply fails at once), a circuit breaker that stops calling a failing model for a
 * while, and a last-resort timeout that cancels the stream. Values can be changed without a rebuild through
 * {@code quarkus.fault-tolerance."io.realtime.messaging.chat.ai.ModelCalls/streamReply".<strategy>.<field>} (ms).
 */
@ApplicationScoped
public class ModelCalls {

    private final ConversationAssistant assistant;

    public ModelCalls(ConversationAssistant assistant) {
        this.assistant = assistant;
    }

    /** Streams the reply to {@code transcript} into {@code consume}, whose result is the reply's whole text. */
    @AsynchronousNonBlocking
    @Bulkhead(value = 32, waitingTaskQueue = 64)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    @Timeout(300_000)
    public Uni<String> streamReply(String transcript, Function<Multi<String>, Uni<String>> consume) {
        return consume.apply(assistant.reply(transcript));
    }
}
