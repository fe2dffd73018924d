package io.realtime.messaging.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.event.ConversationEvent;
import io.smallrye.mutiny.Uni;

/**
 * One open connection of a user. While missed messages are replayed it holds live events back, then releases them
 * in order (skipping what the replay already sent), so the client sees its history before live traffic. Every frame
 * goes out through the connection's {@link OutboundQueue}; live events held back count against its frame limit too.
 */
public final class LiveConnection {

    private final WebSocketConnection connection;
    private final String userId;
    private final Outbound outbound;
    private final OutboundQueue queue;
    private final List<Outgoing> held = new ArrayList<>();
    private boolean replaying = true;

    LiveConnection(WebSocketConnection connection, String userId, Outbound outbound, OutboundQueue queue) {
        this.connection = connection;
        this.userId = userId;
        this.outbound = outbound;
        this.queue = queue;
    }

    public String id() {
        return connection.id();
    }

    public String userId() {
        return userId;
    }

    /** A reply to this connection's own frame (or a replayed message); completes when written. */
    public Uni<Void> reply(ServerEvent event) {
        return queue.send(outbound.write(event));
    }

    /** Delivers now, or holds the event until the replay is done; holding more than the queue may is an overflow. */
    public void offer(Outgoing outgoing, EventDelivery delivery) {
        boolean overflow = false;
        synchronized (this) {
            if (replaying) {
                held.add(outgoing);
                if (held.size() <= queue.limits().maxFrames()) {
                    return;
                }
                held.clear(); // the client takes longer over its replay than the limit allows
                overflow = true;
            }
        }
        if (overflow) {
            queue.overflow();
        } else {
            delivery.deliver(this, outgoing);
        }
    }

    /**
     * Ends the replay: releases held events that the replay did not already send. Events that arrive while they are
     * released are held too and released after them, so live order is kept.
     */
    public void goLive(Set<String> replayedMessageIds, EventDelivery delivery) {
        int released = 0;
        while (true) {
            List<Outgoing> release;
            synchronized (this) {
                if (held.isEmpty()) {
                    replaying = false;
                    break;
                }
                release = new ArrayList<>(held);
                held.clear();
            }
            for (Outgoing outgoing : release) {
                ConversationEvent event = outgoing.event();
                if (!(ConversationEvent.MESSAGE.equals(event.kind())
                        && replayedMessageIds.contains(event.messageId()))) {
                    delivery.deliver(this, outgoing);
                    released++;
                }
            }
        }
        Log.debugf("Connection %s live after replaying %d message(s) and releasing %d held event(s)", id(),
                replayedMessageIds.size(), released);
    }

    /** Pushes a frame not caused by this connection (fan-out, the assistant); a closed connection drops it. */
    public void push(ServerEvent event) {
        if (connection.isOpen()) {
            queue.push(outbound.write(event));
        }
    }

    /**
     * A conversation event's frame. {@code message:stream} carries the reply's whole text so far: a client that is
     * behind gets the latest one of each reply (and always its complete one) instead of every step.
     */
    void push(Outgoing outgoing) {
        if (connection.isOpen()) {
            outbound.counted(outgoing.type());
            ConversationEvent event = outgoing.event();
            if (ConversationEvent.STREAM.equals(event.kind())) {
                queue.pushCumulative(event.messageId(), outgoing.text(), Boolean.TRUE.equals(event.isComplete()));
            } else {
                queue.push(outgoing.text());
            }
        }
    }

    /** A conversation event with its frame already serialised ({@code text} null: nothing to show). */
    public record Outgoing(ConversationEvent event, String type, String text) {
    }

    /** Decides what one connection gets of an outgoing event. */
    public interface EventDelivery {
        void deliver(LiveConnection connection, Outgoing outgoing);
    }
}
