package io.realtime.kit.tracing;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * Spans for WebSocket traffic. Handling a client frame is one {@code SERVER} span ({@code "<endpoint> <type>"}),
 * current until its {@link Uni} ends, so the database calls and the Kafka records it causes are its children
 * (the record carries the trace context in its headers); frames pushed because of a Kafka record are a span of
 * their own under the consumer's span on that instance.
 */
@Singleton
public class FrameSpans {

    public static final String ENDPOINT = "realtime.ws.endpoint";
    public static final String FRAME_TYPE = "realtime.ws.frame_type";

    private final Tracer tracer;

    public FrameSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Runs the handling of one client frame inside its span. */
    public <T> Uni<T> inbound(String endpoint, String type, Supplier<Uni<T>> handling) {
        return traced(() -> tracer.spanBuilder(endpoint + " " + type).setSpanKind(SpanKind.SERVER)
                .setAttribute(ENDPOINT, endpoint).setAttribute(FRAME_TYPE, type), handling);
    }

    /**
     * Runs work that a frame started but that outlives its handling (a model's streamed reply on its own context)
     * in a span under {@code cause}, the context that was current when the frame started it.
     */
    public <T> Uni<T> continued(Context cause, String endpoint, String name, Supplier<Uni<T>> work) {
        return traced(() -> tracer.spanBuilder(endpoint + " " + name).setParent(cause)
                .setSpanKind(SpanKind.INTERNAL).setAttribute(ENDPOINT, endpoint), work);
    }

    private static <T> Uni<T> traced(Supplier<SpanBuilder> builder, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Span span = builder.get().startSpan();
            Scope scope = span.makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException e) {
                running = Uni.createFrom().failure(e);
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure).setStatus(StatusCode.ERROR);
                }
                scope.close();
                span.end();
            });
        });
    }

    /**
     * Marks frames pushed to this instance's connections because of an event, as a child of {@code cause} (the
     * context a Kafka record carried in, for instance).
     */
    public void delivered(Context cause, String endpoint, String type, int connections) {
        tracer.spanBuilder(endpoint + " deliver " + type).setParent(cause).setSpanKind(SpanKind.PRODUCER)
                .setAttribute(ENDPOINT, endpoint).setAttribute(FRAME_TYPE, type)
                .setAttribute("realtime.ws.connections", connections).startSpan().end();
    }
}
