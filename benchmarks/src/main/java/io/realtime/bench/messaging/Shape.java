package io.realtime.bench.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.realtime.bench.core.Options;

/**
 * A messaging load: {@code conversations} of {@code members} (one socket each), {@code rate} messages/s in total
 * for {@code duration}, then up to {@code drain} for the last deliveries; {@code pingers} sockets send a WebSocket
 * ping every {@code pingEvery} (0: none). Before it, the same rate for {@code warmup}, not measured: the service's
 * JIT and pools warm up, and the numbers describe a service that has been running.
 */
public record Shape(int conversations, int members, int rate, Duration warmup, Duration duration, Duration drain,
        int pingers, Duration pingEvery, int contentChars) {

    public static Shape from(Options o, Shape defaults) {
        Duration maxRun = Duration.ofMinutes(30);
        return new Shape(o.integer("conversations", defaults.conversations, 1, 10_000),
                o.integer("members", defaults.members, 2, 50),
                o.integer("rate", defaults.rate, 1, 200_000),
                o.duration("warmup", defaults.warmup, Duration.ofMinutes(5)),
                o.duration("duration", defaults.duration, maxRun),
                o.duration("drain", defaults.drain, Duration.ofMinutes(2)),
                o.integer("pingers", defaults.pingers, 0, 10_000),
                o.duration("ping-every", defaults.pingEvery, Duration.ofMinutes(1)),
                o.integer("content-chars", defaults.contentChars, 1, 10_000));
    }

    public int sockets() {
        return conversations * members;
    }

    public long messages() {
        return Math.max(1, rate * duration.toMillis() / 1000);
    }

    public long warmupMessages() {
        return rate * warmup.toMillis() / 1000;
    }

    public Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("conversations", conversations);
        map.put("members per conversation (one socket each)", members);
        map.put("sockets", sockets());
        map.put("rate (messages/s, fixed)", rate);
        map.put("expected deliveries/s", (long) rate * members);
        map.put("warm-up (same rate, not measured)", warmup.toMillis() / 1000.0 + " s");
        map.put("duration", duration.toMillis() / 1000.0 + " s");
        map.put("messages", messages());
        map.put("content chars", contentChars);
        if (pingers > 0 && !pingEvery.isZero()) {
            map.put("pinging sockets", pingers);
            map.put("ping every", pingEvery.toMillis() + " ms");
        }
        return map;
    }
}
