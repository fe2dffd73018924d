package io.realtime.docs.chat.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.docs.chat.domain.Question;
import io.realtime.docs.config.DocsConfig;
import io.realtime.protocol.text.SafeText;

/**
 * Reads a {@code send_message} payload: {@code chat_id} (positive integer) and {@code message} (1 to
 * {@code docs.chat.max-message-length} characters) are required; {@code model} (from {@code docs.chat.models}),
 * {@code temperature} (0-2) and {@code include_history} (boolean, default true) are optional.
 */
@ApplicationScoped
public class Questions {

    /** A payload that is not a valid question; {@code chatId} when the payload named a valid one. */
    public static final class Invalid extends RuntimeException {

        private final Long chatId;

        Invalid(String message, Long chatId) {
            super(message, null, false, false);
            this.chatId = chatId;
        }

        public Long chatId() {
            return chatId;
        }
    }

    private final DocsConfig config;

    public Questions(DocsConfig config) {
        this.config = config;
    }

    public Question read(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new Invalid("Invalid data for send_message: expected an object like {chat_id: 1, message: '...'}",
                    null);
        }
        long chatId = chatId(data.path("chat_id"));
        return new Question(chatId, message(data.path("message"), chatId), model(data.path("model"), chatId),
                temperature(data.path("temperature"), chatId), includeHistory(data.path("include_history"), chatId));
    }

    private static long chatId(JsonNode id) {
        if (absent(id)) {
            throw new Invalid("chat_id is required", null);
        }
        if (!id.isNumber() || !id.canConvertToExactIntegral() || !id.canConvertToLong() || id.asLong() < 1) {
            throw new Invalid("chat_id must be a positive integer", null);
        }
        return id.asLong();
    }

    private String message(JsonNode message, long chatId) {
        if (absent(message) || !message.isTextual()) {
            throw new Invalid("message is required: the question as text", chatId);
        }
        String text = message.asText().strip();
        int max = config.chat().maxMessageLength();
        if (text.isEmpty()) {
            throw new Invalid("message must not be empty", chatId);
        }
        if (text.length() > max) {
            throw new Invalid("message must be at most " + max + " characters", chatId);
        }
        if (!SafeText.isSafe(text)) {
            throw new Invalid("message " + SafeText.RULE, chatId);
        }
        return text;
    }

    private String model(JsonNode model, long chatId) {
        List<String> allowed = config.chat().models();
        if (absent(model)) {
            return allowed.get(0);
        }
        if (!model.isTextual() || !allowed.contains(model.asText())) {
            throw new Invalid("model must be one of: " + String.join(", ", allowed), chatId);
        }
        return model.asText();
    }

    private double temperature(JsonNode temperature, long chatId) {
        if (absent(temperature)) {
            return config.chat().temperature();
        }
        double value = temperature.asDouble();
        if (!temperature.isNumber() || !Double.isFinite(value) || value < 0 || value > 2) {
            throw new Invalid("temperature must be a number from 0 to 2", chatId);
        }
        return value;
    }

    private static boolean includeHistory(JsonNode include, long chatId) {
        if (absent(include)) {
            return true;
        }
        if (!include.isBoolean()) {
            throw new Invalid("include_history must be true or false", chatId);
        }
        return include.asBoolean();
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }
}
