package io.realtime.bench.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.realtime.bench.core.Options;

/** The relay's load: chats, tokens per answer and their pace, measured and warm-up rounds, the late threshold. */
record RelayShape(int chats, int tokens, int rounds, int warmup, Duration every, Duration late) {

    private static final long MAX_TOKENS = 20_000_000;

    static RelayShape from(Options o) {
        int rounds = o.integer("messages", 1, 1, 19);
        RelayShape shape = new RelayShape(o.integer("chats", 100, 1, 20_000), o.integer("tokens", 40, 1, 2_000),
                rounds, o.integer("warmup", 1, 0, 20 - rounds),
                o.duration("token-every", Duration.ofMillis(50), Duration.ofSeconds(10)),
                o.duration("late", Duration.ofMillis(5), Duration.ofSeconds(10)));
        if (shape.totalTokens() > MAX_TOKENS || shape.every().toMillis() < 1) {
            throw new IllegalArgumentException("at most " + MAX_TOKENS + " tokens a run, at most one a ms per chat");
        }
        return shape;
    }

    long totalTokens() {
        return (long) chats * tokens * (rounds + warmup);
    }

    Map<String, Object> describe() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("chats", chats);
        parameters.put("tokens per answer", tokens);
        parameters.put("answers per chat (measured, after warm-up)", rounds + " (" + warmup + ")");
        parameters.put("one token every", every.toMillis() + " ms per stream (" + chats * 1000L / every.toMillis()
                + " tokens/s offered in all)");
        parameters.put("late beyond", late.toMillis() + " ms");
        return parameters;
    }
}
