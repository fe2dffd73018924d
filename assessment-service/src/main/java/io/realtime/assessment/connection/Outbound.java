package io.realtime.assessment.connection;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.assessment.protocol.FrameWriter;
import io.realtime.kit.metrics.SocketMetrics;
import io.realtime.kit.socket.OutboundQueue;

/**
 * Gives each connection its {@link Replies}, which write through the connection's one {@link OutboundQueue}: in
 * order, one write at a time, and a client that stops reading is closed with 1008 once more than the service kit's
 * default limits wait for it (counted as {@code realtime_ws_errors_total{code="OUTBOUND_OVERFLOW"}}).
 */
@ApplicationScoped
public class Outbound {

    /** The endpoint's name in metrics and spans. */
    public static final String ENDPOINT = "assessment";

    private final FrameWriter frames;
    private final SocketMetrics metrics;
    private final Clock clock;
    private final OutboundQueue.Limits limits;

    public Outbound(FrameWriter frames, SocketMetrics metrics, Clock clock, AssessmentConfig config) {
        this.frames = frames;
        this.metrics = metrics;
        this.clock = clock;
        this.limits = new OutboundQueue.Limits(config.outbound().maxQueuedFrames(),
                config.outbound().maxQueuedChars());
    }

    public Replies to(WebSocketConnection connection) {
        OutboundQueue queue = OutboundQueue.of(connection, limits,
                () -> metrics.error(ENDPOINT, OutboundQueue.OVERFLOW_CODE));
        return new Replies(connection, queue, frames, metrics, clock);
    }
}
