package io.realtime.assessment.connection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.logging.Log;
import io.realtime.protocol.event.SessionTakeoverEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Single connection across instances: each new connection is announced on {@code assessment.session-takeovers};
 * every instance (its own consumer group) closes that user's connections opened before it.
 */
@ApplicationScoped
public class TakeoverMessaging {

    public static final String SERVICE = "assessment";

    private final MutinyEmitter<SessionTakeoverEvent> out;
    private final ConnectionRegistry registry;
    private final String instanceId;

    public TakeoverMessaging(@Channel("session-takeovers-out") MutinyEmitter<SessionTakeoverEvent> out,
            ConnectionRegistry registry, @ConfigProperty(name = "quarkus.uuid") String instanceId) {
        this.out = out;
        this.registry = registry;
        this.instanceId = instanceId;
    }

    public Uni<Void> announce(String userId, String connectionId, Instant openedAt) {
        return out.send(SessionTakeoverEvent.of(SERVICE, userId, connectionId, instanceId, WireTime.format(openedAt)))
                .onFailure().invoke(e -> Log.warnf("Takeover for user %s not published: %s", userId, e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Incoming("session-takeovers-in")
    public void onTakeover(SessionTakeoverEvent event) {
        if (event.schemaVersion() > SessionTakeoverEvent.CURRENT_VERSION || !SERVICE.equals(event.service())
                || instanceId.equals(event.instanceId())) {
            return; // a newer schema, another service, or our own announcement (handled locally already)
        }
        registry.closeOlder(event.userId(), WireTime.parse(event.occurredAt()), event.connectionId());
    }
}
