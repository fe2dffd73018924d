package io.realtime.media.transcription.service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.transcription.domain.AudioInput;
import io.realtime.media.transcription.domain.UnsupportedAudioException;

/**
 * Live captions: each connection's PCM {@code audio} chunks go, in order, through its own streaming Vosk recognizer
 * on the transcription workers; {@code out} gets a partial caption while the speaker talks and a final one at each
 * pause. At most {@value #MAX_PENDING} chunks wait per connection; more are not captioned.
 */
@ApplicationScoped
public class LiveCaptions {

    public static final int MAX_PENDING = 32;

    /** A caption: the text so far ({@code partial}) or an utterance's final text. */
    public record Caption(String text, boolean partial) {
    }

    private final class Live {
        CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
        int pending;
        VoskEngine.Stream16k stream;
        String lastPartial = "";
        boolean failed;
    }

    private final VoskEngine vosk;
    private final TranscriptionWorkers workers;
    private final StreamConfig config;
    private final Map<String, Live> connections = new ConcurrentHashMap<>();

    public LiveCaptions(VoskEngine vosk, TranscriptionWorkers workers, StreamConfig config) {
        this.vosk = vosk;
        this.workers = workers;
        this.config = config;
    }

    /**
     * Queues a chunk of PCM (or WAV) audio of connection {@code id}; answers false when it is not captioned (another
     * format, or too many chunks waiting). Conversion and recognition run on the workers; a chunk the workers cannot
     * take now is skipped.
     */
    public boolean feed(String id, AudioInput chunk, Consumer<Caption> out) {
        if (!AudioDecoder.isReadable(chunk)) {
            return false;
        }
        Live live = connections.computeIfAbsent(id, ignored -> new Live());
        synchronized (live) {
            if (live.failed || live.pending >= MAX_PENDING) {
                return false;
            }
            live.pending++;
            live.tail = live.tail.thenCompose(ignored -> workers.async(() -> recognise(live, chunk, out)))
                    .exceptionally(skipped -> {
                        done(live);
                        return null;
                    });
        }
        return true;
    }

    /** The connection closed: its recognizer is released (on a worker, after the chunks still waiting). */
    public void close(String id) {
        Live live = connections.remove(id);
        if (live == null) {
            return;
        }
        synchronized (live) {
            live.tail = live.tail.thenCompose(ignored -> workers.async(() -> {
                if (live.stream != null) {
                    live.stream.close();
                    live.stream = null;
                }
            })).exceptionally(skipped -> null);
        }
    }

    private void recognise(Live live, AudioInput chunk, Consumer<Caption> out) {
        try {
            byte[] pcm = AudioDecoder.toMono16k(chunk, config.audio().defaultSampleRate());
            if (live.stream == null) {
                live.stream = vosk.stream();
            }
            String utterance = live.stream.accept(pcm);
            if (utterance != null) {
                live.lastPartial = "";
                if (!utterance.isBlank()) {
                    out.accept(new Caption(utterance, false));
                }
            } else {
                String partial = live.stream.partial();
                if (!partial.isBlank() && !partial.equals(live.lastPartial)) {
                    live.lastPartial = partial;
                    out.accept(new Caption(partial, true));
                }
            }
        } catch (RuntimeException e) {
            Log.debugf("Live captions stopped: %s", e.getMessage());
            live.failed = true;
        } finally {
            done(live);
        }
    }

    private static void done(Live live) {
        synchronized (live) {
            live.pending--;
        }
    }
}
