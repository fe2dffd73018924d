package io.realtime.assessment.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server to client frames of the assessment guide; each record is the {@code data} object of a
 * {@code {"type": ..., "data": ...}} frame.
 */
public sealed interface ServerMessage {

    @JsonIgnore
    String type();

    @RegisterForReflection
    record AuthSuccess(
            @JsonProperty("user_id") Object userId,
            @JsonProperty("connection_id") String connectionId,
            String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "auth_success";
        }
    }

    /**
     * {@code error} is the guide's human text (the client matches on it), {@code code} the guide's error code.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String error, String code, String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "error";
        }
    }
}
