package io.realtime.chat.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Client to server frames of the chat guide: flat objects with a {@code type} field, snake_case names. */
public sealed interface ClientFrame {

    Map<String, Class<? extends ClientFrame>> TYPES = Map.of("chat_message", ChatMessage.class);

    /**
     * Handles one frame of each type, given the connection's context {@code C}: Java 17's stand-in for an exhaustive
     * {@code switch}, so a new frame type does not compile until the dispatcher handles it.
     */
    interface Handler<C, R> {
        R chatMessage(ChatMessage frame, C context);
    }

    <C, R> R dispatch(Handler<C, R> handler, C context);

    /**
     * Every field is optional here so that the dispatcher can answer with the guide's own error strings ("message is
     * required", "Session not found", ...) in the guide's order instead of a generic decoding error.
     */
    @RegisterForReflection
    record ChatMessage(
            @JsonProperty("message") String message,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("visitor_id") String visitorId) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.chatMessage(this, context);
        }
    }
}
