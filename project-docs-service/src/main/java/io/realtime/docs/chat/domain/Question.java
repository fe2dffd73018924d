package io.realtime.docs.chat.domain;

/**
 * A valid {@code send_message}: the chat, the user's text, the model to ask (from the allow-list), the temperature
 * (0-2) and whether the chat's earlier messages are given to the model.
 */
public record Question(long chatId, String message, String model, double temperature, boolean includeHistory) {
}
