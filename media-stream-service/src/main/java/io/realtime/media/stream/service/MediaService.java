package io.realtime.media.stream.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.media.config.StreamConfig;
import io.realtime.media.stream.repository.StreamRepository;
import io.realtime.media.transcription.domain.AudioInput;
import io.realtime.media.transcription.service.AudioDecoder;
import io.realtime.protocol.error.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Audio and video chunks: decoded from base64, counted for the session in PostgreSQL (cluster-wide), and audio held
 * to {@code stream.audio.max-seconds-per-minute} per session across all its clients and instances.
 */
@ApplicationScoped
public class MediaService {

    static final Duration AUDIO_WINDOW = Duration.ofMinutes(1);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final StreamRepository repository;
    private final StreamConfig config;
    private final Clock clock;

    public MediaService(StreamRepository repository, StreamConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The bytes of a frame's {@code data}: base64 text (standard or URL-safe alphabet, line breaks allowed, a
     * {@code data:...;base64,} URL prefix too).
     */
    public static byte[] decode(JsonNode data, String type) {
        if (data == null || data.isNull() || (data.isTextual() && data.asText().isEmpty())) {
            throw new FrameException(ErrorCode.VALIDATION_ERROR, "Missing required field 'data' for '" + type + "'");
        }
        if (!data.isTextual()) {
            throw new FrameException(ErrorCode.VALIDATION_ERROR, "Field 'data' of '" + type
                    + "' must be base64 text");
        }
        String text = data.asText();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        String base64 = WHITESPACE.matcher(comma >= 0 ? text.substring(comma + 1) : text).replaceAll("");
        try {
            return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new FrameException(ErrorCode.VALIDATION_ERROR, "Field 'data' of '" + type + "' is not valid base64");
        }
    }

    /** How many seconds the chunk lasts (exact for WAV and PCM, estimated otherwise). */
    public double seconds(AudioInput audio) {
        return AudioDecoder.seconds(audio, config.audio().defaultSampleRate(), config.audio().assumedBytesPerSecond());
    }

    /** Counts an audio chunk; fails with {@link FrameException} (RATE_LIMIT) beyond the session's audio per minute. */
    public Uni<Void> audio(String sessionId, AudioInput audio, double seconds) {
        double max = config.audio().maxSecondsPerMinute();
        return repository.countAudio(sessionId, audio.bytes().length, seconds, clock.instant(), AUDIO_WINDOW, max)
                .map(counted -> {
                    if (!counted) {
                        throw new FrameException(ErrorCode.RATE_LIMIT, "Audio limit reached: at most "
                                + format(max) + " seconds of audio per minute per session; this chunk was dropped");
                    }
                    return null;
                });
    }

    public Uni<Void> video(String sessionId, long bytes) {
        return repository.countVideo(sessionId, bytes, clock.instant());
    }

    public Uni<Void> transcribed(String sessionId) {
        return repository.countTranscription(sessionId, clock.instant());
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
