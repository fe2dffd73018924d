package io.realtime.messaging.config;

import java.time.Duration;

import io.realtime.kit.socket.OutboundQueue;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "messaging")
public interface MessagingConfig {

    @WithDefault("10000")
    int maxContentChars();

    /** Frames larger than this get a VALIDATION_ERROR (the content limit plus room for the envelope). */
    @WithDefault("65536")
    int maxFrameChars();

    RateLimit rateLimit();

    ConversationRateLimit conversationRateLimit();

    Typing typing();

    @WithDefault("500")
    int maxReplayMessages();

    /** How long an instance holds a conversation's early message while waiting for the one before it. */
    @WithDefault("2s")
    Duration reorderTimeout();

    /** Longest conversation title. */
    @WithDefault("200")
    int maxTitleChars();

    /** Most participants in one conversation, its creator included. */
    @WithDefault("50")
    int maxParticipants();

    /** Open connections one user may hold on one instance (devices, tabs); one more is refused with 1008. */
    @WithDefault("10")
    int maxConnectionsPerUser();

    Outbound outbound();

    Assistant assistant();

    interface RateLimit {
        @WithDefault("10")
        int messages();

        @WithDefault("60s")
        Duration window();
    }

    /** {@code POST /api/conversations}: conversations one user may create per rolling window (429 beyond). */
    interface ConversationRateLimit {
        @WithDefault("20")
        int conversations();

        @WithDefault("1h")
        Duration window();
    }

    /**
     * What may wait for one connection behind the write in flight, while its client is not reading; one frame more
     * (or one character more) and the connection is closed with 1008. Defaults are the service kit's.
     */
    interface Outbound {
        @WithDefault(OutboundQueue.Limits.DEFAULT_MAX_FRAMES)
        int maxQueuedFrames();

        @WithDefault(OutboundQueue.Limits.DEFAULT_MAX_CHARS)
        int maxQueuedChars();
    }

    interface Typing {
        @WithDefault("5s")
        Duration autoStop();

        @WithDefault("1s")
        Duration minInterval();
    }

    interface Assistant {
        /** The user id the assistant's messages are stored under. */
        @WithDefault("assistant")
        String userId();

        @WithDefault("20")
        int contextMessages();

        @WithDefault("120s")
        Duration streamTimeout();

        /**
         * The reply reaches Kafka (and so every participant) as at most one cumulative update per interval, the first
         * token at once, the complete text always; not one record per token.
         */
        @WithDefault("50ms")
        Duration streamInterval();
    }
}
