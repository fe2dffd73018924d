package io.realtime.assessment.config;

import java.time.Duration;

import io.realtime.kit.socket.OutboundQueue;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    /** Frames up to this many characters are decoded; larger ones get an error frame (the socket lives). */
    @WithDefault("16384")
    int maxFrameChars();

    /** Longest {@code chat_message} text passed to the model. */
    @WithDefault("2000")
    int maxChatChars();

    Question question();

    Outbound outbound();

    /** How often attempts past their time limit are ended server-side. */
    @WithDefault("15s")
    Duration expirySweepInterval();

    /** Seed the demo test with its question bank at start-up (the run command turns this on). */
    @WithDefault("false")
    boolean seedDemo();

    /** A connection's unsent frames; a client that stops reading is closed with 1008 beyond either cap. */
    interface Outbound {
        @WithDefault(OutboundQueue.Limits.DEFAULT_MAX_FRAMES)
        int maxQueuedFrames();

        @WithDefault(OutboundQueue.Limits.DEFAULT_MAX_CHARS)
        int maxQueuedChars();
    }

    interface Question {

        /** Model outputs tried per question before answering QUESTION_ERROR. */
        @WithDefault("3")
        int generationAttempts();
    }
}
