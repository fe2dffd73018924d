package io.realtime.messaging.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.realtime.protocol.event.ConversationEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes conversation events to Kafka, keyed by conversation so that each conversation keeps one order. Every
 * instance delivers them to its own connections ({@code connection.ConversationFanOut}).
 */
@ApplicationScoped
public class ConversationEvents {

    private final MutinyEmitter<ConversationEvent> out;

    public ConversationEvents(@Channel("conversation-events-out") MutinyEmitter<ConversationEvent> out) {
        this.out = out;
    }

    /** Completes when the broker has the event. */
    public Uni<Void> publish(ConversationEvent event) {
        return out.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(event.conversationId()).build()));
    }
}
