package io.realtime.docs.chat.domain;

import java.time.Instant;
import java.util.List;

/**
 * A stored message: the user's ({@code role} user, {@code userId} null for an anonymous dev client) or the
 * assistant's, with the sources it was given and what answered ({@code model}: a model's name or {@code extractive}).
 */
public record ChatMessage(long id, long chatId, String role, String userId, String content, List<Source> sources,
        String model, Instant createdAt) {
}
