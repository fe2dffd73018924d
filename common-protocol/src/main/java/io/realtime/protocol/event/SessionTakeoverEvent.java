package io.realtime.protocol.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Published when a user opens a connection that replaces any older one (single-connection protocols). Every
 * instance closes its own older connections for {@code service} + {@code userId}, except {@code connectionId}.
 */
@RegisterForReflection
public record SessionTakeoverEvent(
        int schemaVersion,
        String service,
        String userId,
        String connectionId,
        String instanceId,
        String occurredAt) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;

    public static SessionTakeoverEvent of(String service, String userId, String connectionId, String instanceId,
            String occurredAt) {
        return new SessionTakeoverEvent(CURRENT_VERSION, service, userId, connectionId, instanceId, occurredAt);
    }
}
