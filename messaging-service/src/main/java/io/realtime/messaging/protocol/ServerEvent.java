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
}
