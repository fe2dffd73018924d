package io.realtime.messaging.chat.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.realtime.messaging.connection.service.ConnectionRegistry;
import io.realtime.messaging.connection.service.EventFrames;
import io.realtime.messaging.connection.service.LiveConnection;
import io.realtime.protocol.event.ConversationEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Conversation events travel through Kafka (keyed by conversation, so each conversation keeps one order); every
 * instance consumes all of them in its own group and delivers to its own connections.
 */
@ApplicationScoped
public class ConversationEvents {

    private final MutinyEmitter<ConversationEvent> out;
    private final ConnectionRegistry registry;
    private final EventFrames frames;
    private final ConversationSequencer sequencer;

    public ConversationEvents(@Channel("conversation-events-out") MutinyEmitter<ConversationEvent> out,
            ConnectionRegistry registry, EventFrames frames, ConversationSequencer sequencer) {
        this.out = out;
        this.registry = registry;
        this.frames = frames;
        this.sequencer = sequencer;
    }

    /** Completes when the broker has the event. */
    public Uni<Void> publish(ConversationEvent event) {
        return out.sendMessage(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(event.conversationId()).build()));
    }

    @Incoming("conversation-events-in")
    public void onEvent(ConversationEvent event) {
        if (event.schemaVersion() > ConversationEvent.CURRENT_VERSION) {
            return;
        }
        sequencer.accept(event, inOrder -> {
            LiveConnection.Outgoing outgoing = frames.prepare(inOrder);
            for (LiveConnection connection : registry.ofAll(inOrder.recipients())) {
                connection.offer(outgoing, frames);
            }
        });
    }
}
