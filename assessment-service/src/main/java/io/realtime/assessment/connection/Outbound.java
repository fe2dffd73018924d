package io.realtime.assessment.connection;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.kit.metrics.SocketMetrics;

/** Gives each connection its {@link Replies}. */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "assessment";

    private final FrameWriter frames;
    private final SocketMetrics metrics;
    private final Clock clock;

    public Outbound(FrameWriter frames, SocketMetrics metrics, Clock clock) {
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Replies to(WebSocketConnection connection) {
        return new Replies(connection, frames, metrics, clock);
    }
}
