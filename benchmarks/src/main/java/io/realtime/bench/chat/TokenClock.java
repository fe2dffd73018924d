package io.realtime.bench.chat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each token left the fake model: token {@code n}'s text is {@code w<n> }, so the client that receives it as a
 * chunk finds its send time here (same JVM, same {@link System#nanoTime()}).
 */
final class TokenClock {

    private final AtomicLongArray sentAt;
    private final AtomicInteger next = new AtomicInteger();

    TokenClock(int capacity) {
        this.sentAt = new AtomicLongArray(capacity);
    }

    /** A new token's id, or -1 when the run's bounded capacity is used up. */
    int next() {
        int id = next.getAndIncrement();
        return id < sentAt.length() ? id : -1;
    }

    void sent(int id) {
        sentAt.set(id, System.nanoTime());
    }

    int issued() {
        return Math.min(next.get(), sentAt.length());
    }

    static String text(int id) {
        return "w" + id + " ";
    }

    /** Nanoseconds since the token in {@code chunk} was sent, or -1 if the chunk is not one of ours. */
    long since(String chunk, long now) {
        String word = chunk == null ? "" : chunk.strip();
        if (word.length() < 2 || word.charAt(0) != 'w') {
            return -1;
        }
        try {
            int id = Integer.parseInt(word.substring(1));
            long sent = id >= 0 && id < sentAt.length() ? sentAt.get(id) : 0;
            return sent == 0 ? -1 : now - sent;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
