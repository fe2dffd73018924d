package io.realtime.messaging.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Client to server events of the messaging guide: flat objects with a {@code type} field. */
public sealed interface ClientEvent {

    Map<String, Class<? extends ClientEvent>> TYPES = Map.of(
            "message:send", MessageSend.class,
            "typing:start", TypingStart.class,
            "typing:stop", TypingStop.class);

    /**
     * Handles one event of each type, given the connection's context {@code C}. Java 17 has no pattern {@code switch}
     * over a sealed type (preview until 21): this is the exhaustive switch instead, so a new event type does not
     * compile until its dispatcher handles it.
     */
    interface Handler<C, R> {
        R messageSend(MessageSend event, C context);

        R typingStart(TypingStart event, C context);

        R typingStop(TypingStop event, C context);
    }

    /** Calls the handler's method for this event's type. */
    <C, R> R dispatch(Handler<C, R> handler, C context);

    @RegisterForReflection
    record MessageSend(
            @JsonProperty(value = "messageId", required = true) String messageId,
            @JsonProperty(value = "conversationId", required = true) String conversationId,
            @JsonProperty(value = "content", required = true) String content,
            String timestamp) implements ClientEvent {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.messageSend(this, context);
        }
    }

    @RegisterForReflection
    record TypingStart(@JsonProperty(value = "conversationId", required = true) String conversationId,
            String timestamp) implements ClientEvent {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.typingStart(this, context);
        }
    }

    @RegisterForReflection
    record TypingStop(@JsonProperty(value = "conversationId", required = true) String conversationId,
            String timestamp) implements ClientEvent {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.typingStop(this, context);
        }
    }
}
