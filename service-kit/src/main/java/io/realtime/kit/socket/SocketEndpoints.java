package io.realtime.kit.socket;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.time.Timers;
import io.realtime.kit.tracing.FrameSpans;

/** Hands each WebSocket endpoint its {@link SocketEndpoint}: {@code this.socket = endpoints.named("chat")}. */
@ApplicationScoped
public class SocketEndpoints {

    private final SocketMetrics metrics;
    private final FrameSpans spans;
    private final Timers timers;
    private final Clock clock;
    private final SocketLiveness liveness;

    public SocketEndpoints(SocketMetrics metrics, FrameSpans spans, Timers timers, Clock clock,
            SocketLiveness liveness) {
        this.metrics = metrics;
        this.spans = spans;
        this.timers = timers;
        this.clock = clock;
        this.liveness = liveness;
    }

    public SocketEndpoint named(String name) {
        return new SocketEndpoint(name, metrics, spans, timers, clock, liveness);
    }
}
