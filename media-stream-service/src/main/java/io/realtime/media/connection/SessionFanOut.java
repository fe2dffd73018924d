package io.realtime.media.connection;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.realtime.kit.tracing.FrameSpans;
import io.realtime.media.protocol.ServerFrame;
import io.realtime.protocol.event.MediaSessionEvent;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Every instance consumes every session event (its own consumer group) and delivers it, in the session's order, to
 * the session's clients connected here: chat to all of them (the sender too), signals to the others (or the one
 * target), call start and end to all, and a disconnect closes them.
 */
@ApplicationScoped
public class SessionFanOut {

    /** The close of {@code DELETE /api/stream/disconnect/{session_id}}: a normal close, with this reason. */
    public static final int DISCONNECT_CODE = 1000;
    public static final String DISCONNECT_REASON = "Session disconnected";

    private final SessionRegistry registry;
    private final ObjectMapper mapper;
    private final FrameSpans spans;

    public SessionFanOut(SessionRegistry registry, ObjectMapper mapper, FrameSpans spans) {
        this.registry = registry;
        this.mapper = mapper;
        this.spans = spans;
    }

    @Incoming("session-events-in")
    public CompletionStage<Void> onEvent(Message<MediaSessionEvent> message) {
        MediaSessionEvent event = message.getPayload();
        if (event != null && event.schemaVersion() <= MediaSessionEvent.CURRENT_VERSION) {
            Context trace = message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                    .orElse(Context.current());
            List<StreamConnection> here = registry.of(event.sessionId());
            String type = deliver(event, here);
            if (type != null) {
                spans.delivered(trace, Outbound.ENDPOINT, type, here.size());
            }
        }
        return message.ack();
    }

    private String deliver(MediaSessionEvent event, List<StreamConnection> here) {
        switch (event.kind()) {
            case MediaSessionEvent.CHAT -> {
                ServerFrame frame = new ServerFrame.ChatMessage(event.message(), event.sessionId(),
                        event.originClientId(), event.originUserId(), event.timestamp());
                here.forEach(connection -> connection.push(frame));
                return frame.type();
            }
            case MediaSessionEvent.SIGNAL -> {
                JsonNode payload = payload(event.payload());
                ServerFrame frame = new ServerFrame.Signal(event.signalType(), event.sessionId(),
                        event.originClientId(), event.targetClientId(), payload.get("sdp"), payload.get("candidate"),
                        event.timestamp());
                for (StreamConnection connection : here) {
                    boolean origin = connection.id().equals(event.originClientId());
                    boolean meant = event.targetClientId() == null || connection.id().equals(event.targetClientId());
                    if (!origin && meant) {
                        connection.push(frame);
                    }
                }
                return frame.type();
            }
            case MediaSessionEvent.CALL_STARTED, MediaSessionEvent.CALL_ENDED -> {
                return call(event, here);
            }
            case MediaSessionEvent.DISCONNECT -> {
                here.forEach(connection -> connection.close(DISCONNECT_CODE, DISCONNECT_REASON).subscribe().with(
                        ignored -> {
                        }, failure -> Log.debugf("Disconnect of %s failed: %s", connection.id(),
                                failure.getMessage())));
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Marks the peers connected here as in (or out of) the call, then tells every client of the session. */
    private String call(MediaSessionEvent event, List<StreamConnection> here) {
        List<String> peers = event.peers() == null ? List.of() : event.peers();
        if (peers.size() != 2) {
            return null;
        }
        boolean started = MediaSessionEvent.CALL_STARTED.equals(event.kind());
        for (StreamConnection connection : here) {
            int self = peers.indexOf(connection.id());
            if (self >= 0) {
                String other = peers.get(1 - self);
                if (started) {
                    connection.inCallWith(other);
                } else {
                    connection.leaveCall(other);
                }
            }
        }
        ServerFrame frame = new ServerFrame.Call(started ? "webrtc_connected" : "webrtc_disconnected",
                event.sessionId(), peers, started ? null : event.reason(), event.timestamp());
        here.forEach(connection -> connection.push(frame));
        return frame.type();
    }

    private JsonNode payload(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            Log.warn("Undecodable signal payload in a session event"); // never its text: it is the client's
            return mapper.createObjectNode();
        }
    }
}
