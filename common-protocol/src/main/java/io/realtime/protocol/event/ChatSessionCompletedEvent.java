package io.realtime.protocol.event;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Published (topic {@code chat.session.completed}, key = session id) when a chat session has the visitor's contact
 * details (a name and an email or phone), for the sales team's CRM. Delivered at least once: deduplicate by
 * {@code eventId}.
 *
 * @param conversationData everything the visitor told us (name, email, phone, postcode, vehicle_interest, ...)
 */
@RegisterForReflection
public record ChatSessionCompletedEvent(
        int schemaVersion,
        String eventId,
        String sessionId,
        String visitorId,
        String name,
        String email,
        String phone,
        Map<String, String> conversationData,
        String completedAt) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;
    public static final String TOPIC = "chat.session.completed";
}
