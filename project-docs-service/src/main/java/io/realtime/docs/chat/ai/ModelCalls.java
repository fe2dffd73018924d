package io.realtime.docs.chat.ai;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * The model's streamed answer, guarded as a whole (SmallRye Fault Tolerance): at most so many streams at once with a
 * short queue (beyond it the answer fails at once), a circuit breaker that stops calling a failing model for a while,
 * and a last-resort timeout. The request carries the client's model and temperature. Values can be changed without a
 * rebuild through {@code quarkus.fault-tolerance."io.realtime.docs.chat.ai.ModelCalls/stream".<strategy>.<field>}.
 */
@ApplicationScoped
public class ModelCalls {

    private final StreamingChatModel model;

    public ModelCalls(StreamingChatModel model) {
        this.model = model;
    }

    /** Streams the answer to {@code request}, each token to {@code onToken}; completes with the whole text. */
    @AsynchronousNonBlocking
    @Bulkhead(value = 16, waitingTaskQueue = 32)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 30_000, successThreshold = 2)
    @Timeout(180_000)
    public Uni<String> stream(ChatRequest request, Consumer<String> onToken) {
        return Uni.createFrom().emitter(emitter -> {
            StringBuilder text = new StringBuilder();
            AtomicBoolean over = new AtomicBoolean();
            emitter.onTermination(() -> over.set(true));
            model.chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    if (!over.get() && token != null && !token.isEmpty()) {
                        text.append(token);
                        onToken.accept(token);
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    emitter.complete(text.toString());
                }

                @Override
                public void onError(Throwable error) {
                    emitter.fail(error);
                }
            });
        });
    }
}
