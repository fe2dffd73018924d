package io.realtime.messaging.connection;

import jakarta.inject.Singleton;

import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;

/**
 * Who sees what: the frame a conversation event becomes for one connection, if any. A {@link Singleton} (no client
 * proxy), as the other beans called once per recipient: the proxy cost 8% of the event loops in a fan-out profile.
 */
@Singleton
public class EventFrames implements LiveConnection.EventDelivery {

    private final EventWriter writer;

    public EventFrames(EventWriter writer) {
        this.writer = writer;
    }

    /** Serialises the event's frame once; every recipient connection gets the same text. */
    public LiveConnection.Outgoing prepare(ConversationEvent event) {
        ServerEvent frame = switch (event.kind()) {
            case ConversationEvent.MESSAGE -> new ServerEvent.MessageReceive(event.messageId(),
                    event.conversationId(), event.content(), event.originUserId(), event.timestamp());
            case ConversationEvent.STREAM -> new ServerEvent.MessageStream(event.messageId(), event.conversationId(),
                    event.content(), Boolean.TRUE.equals(event.isComplete()), event.timestamp());
            case ConversationEvent.TYPING_START ->
                ServerEvent.Typing.start(event.conversationId(), event.originUserId(), event.timestamp());
            case ConversationEvent.TYPING_STOP ->
                ServerEvent.Typing.stop(event.conversationId(), event.originUserId(), event.timestamp());
            default -> null;
        };
        return frame == null ? new LiveConnection.Outgoing(event, null, null)
                : new LiveConnection.Outgoing(event, frame.type(), writer.write(frame));
    }

    @Override
    public void deliver(LiveConnection connection, LiveConnection.Outgoing outgoing) {
        ConversationEvent event = outgoing.event();
        boolean typing = ConversationEvent.TYPING_START.equals(event.kind())
                || ConversationEvent.TYPING_STOP.equals(event.kind());
        // typing never goes back to the typer, on any of their devices
        if (outgoing.text() != null && !(typing && connection.userId().equals(event.originUserId()))) {
            connection.push(outgoing);
        }
        if (ConversationEvent.MESSAGE.equals(event.kind()) && connection.id().equals(event.originConnectionId())) {
            // the sender's own copy has gone through the fan-out like everyone's: now it is delivered
            connection.push(ServerEvent.MessageAck.delivered(event.messageId(), WireTime.now()));
        }
    }
}
