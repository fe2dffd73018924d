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

    @RegisterForReflection
    record MessageSend(
            @JsonProperty(value = "messageId", required = true) String messageId,
            @JsonProperty(value = "conversationId", required = true) String conversationId,
            @JsonProperty(value = "content", required = true) String content,
            String timestamp) implements ClientEvent {
    }

    @RegisterForReflection
    record TypingStart(@JsonProperty(value = "conversationId", required = true) String conversationId,
            String timestamp) implements ClientEvent {
    }

    @RegisterForReflection
    record TypingStop(@JsonProperty(value = "conversationId", required = true) String conversationId,
            String timestamp) implements ClientEvent {
    }
}
