package io.realtime.messaging.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Server to client events of the messaging guide: flat objects with a {@code type} field, camelCase names. */
public sealed interface ServerEvent {

    String type();

    @RegisterForReflection
    @JsonPropertyOrder({ "type", "connectionId", "timestamp" })
    record ConnectionAuthenticated(String type, String connectionId, String timestamp) implements ServerEvent {

        public ConnectionAuthenticated(String connectionId, String timestamp) {
            this("connection:authenticated", connectionId, timestamp);
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message", "code", "timestamp" })
    record ConnectionError(String type, String message, String code, String timestamp) implements ServerEvent {

        public ConnectionError(String message, String code, String timestamp) {
            this("connection:error", message, code, timestamp);
        }
    }

    /** {@code status}: received, delivered or error; {@code error} and {@code code} only with error. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "messageId", "status", "error", "code", "timestamp" })
    record MessageAck(String type, String messageId, String status, String error, String code, String timestamp)
            implements ServerEvent {

        public static MessageAck received(String messageId, String timestamp) {
            return new MessageAck("message:ack", messageId, "received", null, null, timestamp);
        }

        public static MessageAck delivered(String messageId, String timestamp) {
            return new MessageAck("message:ack", messageId, "delivered", null, null, timestamp);
        }

        public static MessageAck error(String messageId, String error, String code, String timestamp) {
            return new MessageAck("message:ack", messageId, "error", error, code, timestamp);
        }
    }

    @RegisterForReflection
    @JsonPropertyOrder({ "type", "messageId", "conversationId", "content", "userId", "timestamp" })
    record MessageReceive(String type, String messageId, String conversationId, String content, String userId,
            String timestamp) implements ServerEvent {

        public MessageReceive(String messageId, String conversationId, String content, String userId,
                String timestamp) {
            this("message:receive", messageId, conversationId, content, userId, timestamp);
        }
    }

    /** {@code content} is cumulative, as the guide requires. */
    @RegisterForReflection
    @JsonPropertyOrder({ "type", "messageId", "conversationId", "content", "isComplete", "timestamp" })
    record MessageStream(String type, String messageId, String conversationId, String content, boolean isComplete,
            String timestamp) implements ServerEvent {

        public MessageStream(String messageId, String conversationId, String content, boolean isComplete,
                String timestamp) {
            this("message:stream", messageId, conversationId, content, isComplete, timestamp);
        }
    }

    @RegisterForReflection
    @JsonPropertyOrder({ "type", "conversationId", "userId", "timestamp" })
    record Typing(String type, String conversationId, String userId, String timestamp) implements ServerEvent {

        public static Typing start(String conversationId, String userId, String timestamp) {
            return new Typing("typing:start", conversationId, userId, timestamp);
        }

        public static Typing stop(String conversationId, String userId, String timestamp) {
            return new Typing("typing:stop", conversationId, userId, timestamp);
        }
    }
}
