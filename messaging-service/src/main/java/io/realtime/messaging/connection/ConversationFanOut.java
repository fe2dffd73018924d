package io.realtime.messaging.connection;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.context.Context;
import io.realtime.kit.tracing.FrameSpans;
import io.realtime.protocol.event.ConversationEvent;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Every instance consumes every conversation event (its own consumer group) and delivers it, in the conversation's
 * order, to the recipients connected here. The delivery span continues the trace the record carries.
 */
@ApplicationScoped
public class ConversationFanOut {

    private final ConnectionRegistry registry;
    private final EventFrames frames;
    private final ConversationSequencer sequencer;
    private final FrameSpans spans;

    public ConversationFanOut(ConnectionRegistry registry, EventFrames frames, ConversationSequencer sequencer,
            FrameSpans spans) {
        this.registry = registry;
        this.frames = frames;
        this.sequencer = sequencer;
        this.spans = spans;
    }

    @Incoming("conversation-events-in")
    public CompletionStage<Void> onEvent(Message<ConversationEvent> message) {
        ConversationEvent event = message.getPayload();
        if (event.schemaVersion() <= ConversationEvent.CURRENT_VERSION) {
            Context trace = message.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                    .orElse(Context.current());
            sequencer.accept(event, inOrder -> deliver(inOrder, trace));
        }
        return message.ack();
    }

    private void deliver(ConversationEvent event, Context trace) {
        LiveConnection.Outgoing outgoing = frames.prepare(event);
        List<LiveConnection> recipients = registry.ofAll(event.recipients());
        for (LiveConnection connection : recipients) {
            connection.offer(outgoing, frames);
        }
        if (outgoing.type() != null) {
            spans.delivered(trace, Outbound.ENDPOINT, outgoing.type(), recipients.size());
        }
    }
}
