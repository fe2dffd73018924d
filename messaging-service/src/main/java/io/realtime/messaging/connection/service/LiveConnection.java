package io.realtime.messaging.connection.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.protocol.event.ConversationEvent;

/**
 * One open connection of a user. While missed messages are replayed it holds live events back, then releases them
 * in order (skipping what the replay already sent), so the client sees its history before live traffic.
 */
public final class LiveConnection {

    private final WebSocketConnection connection;
    private final String userId;
    private final List<ConversationEvent> held = new ArrayList<>();
    private boolean replaying = true;

    public LiveConnection(WebSocketConnection connection, String userId) {
        this.connection = connection;
        this.userId = userId;
    }

    public String id() {
        return connection.id();
    }

    public String userId() {
        return userId;
    }

    public WebSocketConnection socket() {
        return connection;
    }

    /** Delivers now, or holds the event until the replay is done. */
    public void offer(ConversationEvent event, EventDelivery delivery) {
        synchronized (this) {
            if (replaying) {
                held.add(event);
                return;
            }
        }
        delivery.deliver(this, event);
    }

    /** Ends the replay: releases held events that the replay did not already send. */
    public void goLive(Set<String> replayedMessageIds, EventDelivery delivery) {
        List<ConversationEvent> release;
        synchronized (this) {
            release = new ArrayList<>(held);
            held.clear();
            replaying = false;
        }
        for (ConversationEvent event : release) {
            if (!(ConversationEvent.MESSAGE.equals(event.kind()) && replayedMessageIds.contains(event.messageId()))) {
                delivery.deliver(this, event);
            }
        }
        Log.debugf("Connection %s live after replaying %d message(s)", id(), replayedMessageIds.size());
    }

    public void send(String text) {
        if (!connection.isOpen()) {
            return;
        }
        connection.sendText(text).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Send to %s failed: %s", id(), failure.getMessage()));
    }

    /** Turns conversation events into frames for one connection. */
    public interface EventDelivery {
        void deliver(LiveConnection connection, ConversationEvent event);
    }
}
