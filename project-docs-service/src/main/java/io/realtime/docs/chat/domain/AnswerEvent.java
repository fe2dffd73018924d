package io.realtime.docs.chat.domain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a {@code send_message} produces, in order: {@code message_received}, {@code message_sources}, any number of
 * {@code message_token}, {@code message_complete}; or, at any point, one {@code error} that ends it. Each record is
 * the event's payload as the guide shows it; {@link #event()} is the Socket.IO event name.
 */
public sealed interface AnswerEvent {

    @JsonIgnore
    String event();

    @RegisterForReflection
    record Received(@JsonProperty("chat_id") long chatId, @JsonProperty("message_id") long messageId,
            String timestamp) implements AnswerEvent {
        @Override
        public String event() {
            return "message_received";
        }
    }

    @RegisterForReflection
    record Sources(@JsonProperty("chat_id") long chatId, List<Source> sources) implements AnswerEvent {
        @Override
        public String event() {
            return "message_sources";
        }
    }

    @RegisterForReflection
    record Token(@JsonProperty("chat_id") long chatId, String token) implements AnswerEvent {
        @Override
        public String event() {
            return "message_token";
        }
    }

    @RegisterForReflection
    record Complete(@JsonProperty("chat_id") long chatId, @JsonProperty("message_id") long messageId,
            Metadata metadata) implements AnswerEvent {
        @Override
        public String event() {
            return "message_complete";
        }

        /** {@code model}: the model's name, or {@code extractive} when no model answered. */
        @RegisterForReflection
        public record Metadata(String model, @JsonProperty("sources_count") int sourcesCount) {
        }
    }

    /** The guide's {@code error} event: {@code message}, and {@code chat_id} when a chat is involved. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failed(String message, @JsonProperty("chat_id") Long chatId) implements AnswerEvent {
        @Override
        public String event() {
            return "error";
        }
    }
}
