package io.realtime.chat.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every limit and timing of the chat service ({@code chat.*}); the guide's values are the defaults. */
@ConfigMapping(prefix = "chat")
public interface ChatConfig {

    /** Longest visitor message, in characters; longer ones get an error frame. */
    @WithDefault("4000")
    int maxMessageChars();

    /** Longest text frame decoded (the message plus its ids); longer ones get an error frame, not a close. */
    @WithDefault("16384")
    int maxFrameChars();

    Session session();

    Idle idle();

    RateLimit rateLimit();

    SessionCreation sessionCreation();

    History history();

    Model model();

    KnowledgeBase knowledgeBase();

    Outbound outbound();

    /**
     * The connection's queue of unsent frames: an answer is pushed word by word without waiting for each write, so
     * the frame cap is far above the longest answer; a client that stops reading is closed with 1008 beyond it.
     */
    interface Outbound {
        @WithDefault("4096")
        int maxQueuedFrames();

        @WithDefault("1048576")
        int maxQueuedChars();
    }

    interface Session {
        /** Sessions expire this long after creation ("Session has expired"). */
        @WithDefault("24h")
        Duration lifetime();
    }

    interface Idle {
        /** {@code idle_warning} after this long without a visitor message. */
        @WithDefault("120s")
        Duration warningAfter();

        /** {@code session_end} this long after the warning (240 s after the last visitor message by default). */
        @WithDefault("120s")
        Duration endAfterWarning();
    }

    /** Visitor messages per session, counted in PostgreSQL so every instance shares the limit. */
    interface RateLimit {
        @WithDefault("20")
        int messages();

        @WithDefault("60s")
        Duration window();
    }

    /** Sessions one client address may create per window (429 with Retry-After beyond it), across instances. */
    interface SessionCreation {
        @WithDefault("20")
        int maxPerAddress();

        @WithDefault("10m")
        Duration window();
    }

    interface History {
        @WithDefault("50")
        int defaultPageSize();

        @WithDefault("200")
        int maxPageSize();

        /** Messages of the session that the model sees with each question. */
        @WithDefault("20")
        int modelContextMessages();
    }

    /** The streamed answer (with a model): bounded in concurrency and in time, never a hang. */
    interface Model {
        /** Streams at once per instance; one more is refused at once with an error frame. */
        @WithDefault("64")
        int maxConcurrentStreams();

        /** Longest wait for the first and for each next token. */
        @WithDefault("30s")
        Duration tokenIdleTimeout();

        /** Longest answer, first token to last. */
        @WithDefault("120s")
        Duration streamTimeout();
    }

    /** Without a model: answers retrieved from the bundled knowledge base. */
    interface KnowledgeBase {
        /** The Markdown file on the class path: {@code ## question} headings, the answer below each. */
        @WithDefault("knowledge/novated-leasing.md")
        String resource();

        /** Cosine similarity below which no entry is taken as the answer. */
        @WithDefault("0.55")
        double minScore();

        /** Related questions offered as suggestions. */
        @WithDefault("3")
        int suggestions();
    }
}
