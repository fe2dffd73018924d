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

    TestCache testCache();

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

    /** Each instance's shared copies of test definitions (settings and bank), checked against the test's version. */
    interface TestCache {

        /** Tests held at most; the least used go first. */
        @WithDefault("1000")
        int maxTests();

        /** A test unused this long is dropped (to free memory only: a changed test is reloaded on its next use). */
        @WithDefault("30m")
        Duration expireAfterAccess();
    }

    interface Question {

        /** Model outputs tried per question before answering QUESTION_ERROR. */
        @WithDefault("3")
        int generationAttempts();
    }
}
