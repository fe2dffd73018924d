package io.realtime.media.stream.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.media.stream.messaging.SessionEvents;
import io.realtime.protocol.event.MediaSessionEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * WebRTC signalling between the clients of a session, on any instance: offers, answers and ICE candidates are
 * relayed as sent; a relayed answer starts a call between the answering client and the offering one
 * ({@code webrtc_connected} to the session), a hang-up or a peer's socket closing ends it
 * ({@code webrtc_disconnected}).
 */
@ApplicationScoped
public class CallService {

    public static final String OFFER = "webrtc_offer";
    public static final String ANSWER = "webrtc_answer";
    public static final String ICE_CANDIDATE = "webrtc_ice_candidate";
    public static final String HANGUP = "hangup";
    public static final String PEER_LEFT = "peer_left";

    private final SessionEvents events;
    private final Clock clock;

    public CallService(SessionEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Relays a signal ({@code payloadJson}: its {@code sdp} or {@code candidate}); an answer starts the call. */
    public Uni<Void> relay(String sessionId, String from, String userId, String signalType, String target,
            String payloadJson) {
        String now = WireTime.now(clock);
        Uni<Void> relayed = events.publish(new MediaSessionEvent(MediaSessionEvent.CURRENT_VERSION,
                MediaSessionEvent.SIGNAL, sessionId, from, userId, target, null, signalType, payloadJson, null, null,
                now));
        if (!ANSWER.equals(signalType)) {
            return relayed;
        }
        return relayed.chain(() -> events.publish(callEvent(MediaSessionEvent.CALL_STARTED, sessionId, target, from,
                null)));
    }

    /** Ends the call between {@code from} and {@code peer}: {@link #HANGUP} or {@link #PEER_LEFT}. */
    public Uni<Void> end(String sessionId, String from, String peer, String reason) {
        return events.publish(callEvent(MediaSessionEvent.CALL_ENDED, sessionId, from, peer, reason));
    }

    private MediaSessionEvent callEvent(String kind, String sessionId, String first, String second, String reason) {
        return new MediaSessionEvent(MediaSessionEvent.CURRENT_VERSION, kind, sessionId, second, null, null, null,
                null, null, List.of(first, second), reason, WireTime.now(clock));
    }
}
