package io.realtime.messaging.connection.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;

/** Who sees what: the frame a conversation event becomes for one connection, if any. */
@ApplicationScoped
public class EventFrames implements LiveConnection.EventDelivery {

    private final EventWriter writer;

    public EventFrames(EventWriter writer) {
        this.writer = writer;
    }

    @Override
    public void deliver(LiveConnection connection, ConversationEvent event) {
        ServerEvent frame = switch (event.kind()) {
            case ConversationEvent.MESSAGE -> new ServerEvent.MessageReceive(event.messageId(),
                    event.conversationId(), event.content(), event.originUserId(), event.timestamp());
            case ConversationEvent.STREAM -> new ServerEvent.MessageStream(event.messageId(), event.conversationId(),
                    event.content(), Boolean.TRUE.equals(event.isComplete()), event.timestamp());
            // never back to the typer, on any of their devices
            case ConversationEvent.TYPING_START -> connection.userId().equals(event.originUserId()) ? null
                    : ServerEvent.Typing.start(event.conversationId(), event.originUserId(), event.timestamp());
            case ConversationEvent.TYPING_STOP -> connection.userId().equals(event.originUserId()) ? null
                    : ServerEvent.Typing.stop(event.conversationId(), event.originUserId(), event.timestamp());
            default -> null;
        };
        if (frame != null) {
            connection.send(writer.write(frame));
        }
        if (ConversationEvent.MESSAGE.equals(event.kind()) && connection.id().equals(event.originConnectionId())) {
            // the sender's own copy has gone through the fan-out like everyone's: now it is delivered
            connection.send(writer.write(ServerEvent.MessageAck.delivered(event.messageId(), WireTime.now())));
        }
    }
}
