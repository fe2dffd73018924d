package io.realtime.kit.socket;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.tracing.FrameSpans;

/** Hands each WebSocket endpoint its {@link SocketEndpoint}: {@code this.socket = endpoints.named("chat")}. */
@ApplicationScoped
public class SocketEndpoints {

    private final SocketMetrics metrics;
    private final FrameSpans spans;

    public SocketEndpoints(SocketMetrics metrics, FrameSpans spans) {
        this.metrics = metrics;
        this.spans = spans;
    }

    public SocketEndpoint named(String name) {
        return new SocketEndpoint(name, metrics, spans);
    }
}
