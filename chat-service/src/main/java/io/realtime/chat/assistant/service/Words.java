package io.realtime.chat.assistant.service;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Multi;

/**
 * Turns a stream of model tokens (pieces of words) into the guide's word-by-word chunks: each chunk is one word with
 * the whitespace after it ({@code "word "}), so the chunks joined are exactly the answer. A word goes out as soon as
 * whitespace follows it (a model's tokens usually start with a space, so a word leaves with the next token); the last
 * one when the stream ends.
 */
public final class Words {

    private final StringBuilder pending = new StringBuilder();

    private Words() {
    }

    /** The words of a whole text, as chunks. */
    public static List<String> of(String text) {
        Words words = new Words();
        List<String> chunks = new ArrayList<>(words.push(text));
        chunks.addAll(words.flush());
        return chunks;
    }

    /** Re-chunks a token stream into words. */
    public static Multi<String> of(Multi<String> tokens) {
        return Multi.createFrom().deferred(() -> {
            Words words = new Words();
            return tokens.onItem().transformToIterable(words::push)
                    .onCompletion().switchTo(() -> Multi.createFrom().iterable(words.flush()));
        });
    }

    /** The words that {@code token} completes: a word is complete once whitespace follows it. */
    List<String> push(String token) {
        List<String> complete = new ArrayList<>();
        if (token == null || token.isEmpty()) {
            return complete;
        }
        pending.append(token);
        int start = 0;
        int i = 0;
        int length = pending.length();
        while (true) {
            while (i < length && Character.isWhitespace(pending.charAt(i))) {
                i++; // whitespace before a word (split off the previous chunk) goes with it
            }
            int wordStart = i;
            while (i < length && !Character.isWhitespace(pending.charAt(i))) {
                i++;
            }
            if (i == length || i == wordStart) {
                break; // the word may go on in the next token
            }
            while (i < length && Character.isWhitespace(pending.charAt(i))) {
                i++;
            }
            complete.add(pending.substring(start, i));
            start = i;
        }
        pending.delete(0, start);
        return complete;
    }

    /** What is left when the stream ends. */
    List<String> flush() {
        if (pending.isEmpty()) {
            return List.of();
        }
        String rest = pending.toString();
        pending.setLength(0);
        return List.of(rest);
    }
}
