package io.realtime.media.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every limit and setting of the media stream service ({@code stream.*}). */
@ConfigMapping(prefix = "stream")
public interface StreamConfig {

    /**
     * Longest text frame decoded, in characters (base64 media included); a longer one gets an {@code error} frame and
     * the connection stays usable. Frames beyond {@code quarkus.websockets-next.server.max-message-size} close 1009.
     */
    @WithDefault("4194304")
    int maxFrameChars();

    /** Longest chat message, in characters. */
    @WithDefault("10000")
    int maxChatChars();

    /** Open connections of one session, across instances; the next one is closed with 1008. */
    @WithDefault("10")
    int maxClientsPerSession();

    /** A session without connections is forgotten (status counters and all) this long after its last activity. */
    @WithDefault("24h")
    Duration sessionRetention();

    Auth auth();

    Audio audio();

    Outbound outbound();

    Instance instance();

    Transcription transcription();

    interface Auth {
        /** Without a token a client is refused; {@code false} in dev mode, in tests and under {@code ./run}. */
        @WithDefault("true")
        boolean required();

        /** The JWT group allowed to call {@code DELETE /api/stream/disconnect/{session_id}} when auth is required. */
        @WithDefault("admin")
        String adminRole();
    }

    interface Audio {
        /** Seconds of audio one session may send per minute (all its clients, all instances). */
        @WithDefault("120")
        double maxSecondsPerMinute();

        /** Duration of audio of unknown encoding (webm/opus, mp3): its bytes at this rate (32 kbit/s). */
        @WithDefault("4000")
        int assumedBytesPerSecond();

        /** Sample rate of {@code pcm16} audio that declares none. */
        @WithDefault("16000")
        int defaultSampleRate();
    }

    /**
     * The connection's queue of unsent frames. Media acknowledgements and partial captions supersede each other while
     * the client is behind (it loses those first); chat and every other frame always wait their turn, and a client
     * that stops reading altogether is closed with 1008 beyond these caps.
     */
    interface Outbound {
        @WithDefault("256")
        int maxQueuedFrames();

        @WithDefault("1048576")
        int maxQueuedChars();
    }

    /**
     * The instance's heartbeat in PostgreSQL: connections of an instance silent for {@code stale-after} (it crashed)
     * are not counted.
     */
    interface Instance {
        @WithDefault("5s")
        Duration heartbeat();

        @WithDefault("30s")
        Duration staleAfter();
    }

    interface Transcription {
        /** {@code auto}: the API when a key is set, else Vosk; {@code vosk}, {@code api} or {@code none} to force. */
        @WithDefault("auto")
        String mode();

        /** Key of the OpenAI-compatible {@code /audio/transcriptions} API; {@code none}: not configured. */
        @WithDefault("none")
        String apiKey();

        @WithDefault("whisper-1")
        String model();

        /** Longest audio accepted for one transcription request, in bytes (decoded). */
        @WithDefault("3000000")
        int maxAudioBytes();

        /** Transcriptions running at once on this instance; more wait, up to {@code max-waiting}. */
        @WithDefault("2")
        int workers();

        @WithDefault("16")
        int maxWaiting();

        Vosk vosk();

        interface Vosk {
            /** Where the model is unpacked once (kept between starts). */
            Optional<String> cacheDir();

            /** Live captions of PCM {@code audio} chunks (a streaming recognizer per connection). */
            @WithDefault("true")
            boolean liveCaptions();
        }
    }
}
