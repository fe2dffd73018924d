package io.realtime.media.stream.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.realtime.protocol.event.MediaSessionEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes session events to Kafka, keyed by session so that each session keeps one order. Every instance delivers
 * them to its own clients of the session ({@code connection.SessionFanOut}), this one included.
 */
@ApplicationScoped
public class SessionEvents {

    private final MutinyEmitter<MediaSessionEvent> out;

    public SessionEvents(@Channel("session-events-out") MutinyEmitter<MediaSessionEvent> out) {
        this.out = out;
    }

    /** Completes when the broker has the event. */
    public Uni<Void> publish(MediaSessionEvent event) {
        return out.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(event.sessionId()).build()));
    }
}
