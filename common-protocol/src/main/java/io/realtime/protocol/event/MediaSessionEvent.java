package io.realtime.protocol.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened in a media stream session, on topic {@code media.session-events} keyed by session id (so one
 * session's events keep their order). Every media-stream-service instance delivers it to its own clients of the
 * session.
 *
 * @param kind {@code CHAT}, {@code SIGNAL}, {@code CALL_STARTED}, {@code CALL_ENDED} or {@code DISCONNECT}
 * @param originClientId the client that caused it (its connection id), if any
 * @param targetClientId SIGNAL only: the one client it is for, else every client of the session but the origin
 * @param signalType SIGNAL only: {@code webrtc_offer}, {@code webrtc_answer} or {@code webrtc_ice_candidate}
 * @param payload SIGNAL only: the signal's JSON ({@code sdp} or {@code candidate}), as the client sent it
 * @param peers CALL_STARTED and CALL_ENDED: the two client ids of the call
 * @param reason CALL_ENDED ({@code hangup}, {@code peer_left}) and DISCONNECT
 */
@RegisterForReflection
public record MediaSessionEvent(
        int schemaVersion,
        String kind,
        String sessionId,
        String originClientId,
        String originUserId,
        String targetClientId,
        String message,
        String signalType,
        String payload,
        List<String> peers,
        String reason,
        String timestamp) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;

    public static final String CHAT = "CHAT";
    public static final String SIGNAL = "SIGNAL";
    public static final String CALL_STARTED = "CALL_STARTED";
    public static final String CALL_ENDED = "CALL_ENDED";
    public static final String DISCONNECT = "DISCONNECT";
}
