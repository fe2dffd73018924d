package io.realtime.assessment.connection;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.realtime.protocol.event.SessionTakeoverEvent;
import io.realtime.protocol.text.SafeText;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Single connection across instances: each new connection is announced on {@code assessment.session-takeovers}
 * (keyed by user) with its order number; every instance (its own consumer group) closes that user's connections
 * with lower numbers.
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

    public Uni<Void> announce(String userId, String connectionId, long order, Instant openedAt) {
        SessionTakeoverEvent event = SessionTakeoverEvent.of(SERVICE, userId, connectionId, order, instanceId,
                WireTime.format(openedAt));
        return out.sendMessage(Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(userId).build()))
                .onFailure().invoke(e -> Log.warnf("Takeover for user %s not published: %s",
                        SafeText.forLog(userId), e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Incoming("session-takeovers-in")
    public void onTakeover(SessionTakeoverEvent event) {
        if (event.schemaVersion() != SessionTakeoverEvent.CURRENT_VERSION || !SERVICE.equals(event.service())
                || instanceId.equals(event.instanceId()) || event.userId() == null) {
            return; // another schema, another service, or our own announcement (handled locally already)
        }
        registry.announcedElsewhere(event.userId(), event.connectionOrder());
    }
}
