package io.realtime.messaging.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.event.ConversationEvent;
import io.smallrye.mutiny.Uni;

/**
 * One open connection of a user. While missed messages are replayed it holds live events back, then releases them
 * in order (skipping what the replay already sent), so the client sees its history before live traffic.
 */
public final class LiveConnection {

    private final WebSocketConnection connection;
    private final String userId;
    private final Outbound outbound;
    private final List<Outgoing> held = new ArrayList<>();
    private boolean replaying = true;

    LiveConnection(WebSocketConnection connection, String userId, Outbound outbound) {
        this.connection = connection;
        this.userId = userId;
        this.outbound = outbound;
    }

    public String id() {
        return connection.id();
    }

    public String userId() {
        return userId;
    }

    /** A reply to this connection's own frame; completes when written. */
    public Uni<Void> reply(ServerEvent event) {
        return connection.sendText(outbound.write(event));
    }

    /** Delivers now, or holds the event until the replay is done. */
    public void offer(Outgoing outgoing, EventDelivery delivery) {
        synchronized (this) {
            if (replaying) {
                held.add(outgoing);
                return;
            }
        }
        delivery.deliver(this, outgoing);
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
            send(outbound.write(event));
        }
    }

    void push(Outgoing outgoing) {
        if (connection.isOpen()) {
            outbound.counted(outgoing.type());
            send(outgoing.text());
        }
    }

    private void send(String text) {
        connection.sendText(text).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Send to %s failed: %s", id(), failure.getMessage()));
    }

    /** A conversation event with its frame already serialised ({@code text} null: nothing to show). */
    public record Outgoing(ConversationEvent event, String type, String text) {
    }

    /** Decides what one connection gets of an outgoing event. */
    public interface EventDelivery {
        void deliver(LiveConnection connection, Outgoing outgoing);
    }
}
