package io.realtime.protocol.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Published when a user opens a connection that replaces any older one (single-connection protocols). Every
 * instance closes its own connections for {@code service} + {@code userId} whose {@code connectionOrder} is lower.
 * The order comes from a database sequence, so machines' clocks never decide which connection stays;
 * {@code occurredAt} is informational. Version 1 events (ordered by clock) carry no order and are ignored.
 */
@RegisterForReflection
public record SessionTakeoverEvent(
        int schemaVersion,
        String service,
        String userId,
        String connectionId,
        long connectionOrder,
        String instanceId,
        String occurredAt) implements VersionedEvent {

    public static final int CURRENT_VERSION = 2;

    public static SessionTakeoverEvent of(String service, String userId, String connectionId, long connectionOrder,
            String instanceId, String occurredAt) {
        return new SessionTakeoverEvent(CURRENT_VERSION, service, userId, connectionId, connectionOrder, instanceId,
                occurredAt);
    }
}
