package io.realtime.protocol.event;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Published (topic {@code chat.session.ended}, key = session id) when an active chat session ends without the
 * visitor's contact details being complete ({@code reason}: {@code idle_timeout}). Delivered at least once:
 * deduplicate by {@code eventId}.
 */
@RegisterForReflection
public record ChatSessionEndedEvent(
        int schemaVersion,
        String eventId,
        String sessionId,
        String visitorId,
        String reason,
        Map<String, String> conversationData,
        String endedAt) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;
    public static final String TOPIC = "chat.session.ended";
    public static final String IDLE_TIMEOUT = "idle_timeout";
}
