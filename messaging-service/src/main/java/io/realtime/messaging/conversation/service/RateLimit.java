package io.realtime.messaging.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.realtime.protocol.error.ErrorCode;

/**
 * At most {@code limit} events per user in any rolling {@code window} (messages sent, conversations created). The
 * caller counts under the user's lock ({@code ConversationRepository.lockUser}), so the count and the write after
 * it are one step on every instance.
 */
public record RateLimit(int limit, Duration window) {

    /** Where the window starts: events after it count. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /**
     * @param recent the times of the user's events in the window, oldest first
     * @throws RateLimitException if one more now would exceed the limit; the wait is until the oldest counted event
     *         leaves the window
     */
    public void check(List<Instant> recent, Instant now) {
        if (recent.size() >= limit) {
            throw exceeded(recent.get(recent.size() - limit), now);
        }
    }

    /** The window is full until the oldest event it counts, sent at {@code oldestCounted}, leaves it. */
    public RateLimitException exceeded(Instant oldestCounted, Instant now) {
        long wait = Math.max(1, (Duration.between(now, oldestCounted.plus(window)).toMillis() + 999) / 1000);
        return new RateLimitException(wait);
    }

    /** The limit was reached: a {@code RATE_LIMIT} rule error that knows how long to wait. */
    public static final class RateLimitException extends ConversationException {

        private final long retryAfterSeconds;

        RateLimitException(long retryAfterSeconds) {
            super(ErrorCode.RATE_LIMIT, "Rate limit exceeded. Try again in " + retryAfterSeconds + " seconds");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
