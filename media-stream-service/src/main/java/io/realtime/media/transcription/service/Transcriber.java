package io.realtime.media.transcription.service;

import java.time.Duration;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.transcription.ai.TranscriptionApi;
import io.realtime.media.transcription.domain.AudioInput;
import io.realtime.media.transcription.domain.Transcript;
import io.realtime.media.transcription.domain.UnsupportedAudioException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Transcription requests, in one of two modes chosen at start-up: the OpenAI-compatible {@code /audio/transcriptions}
 * API when a key is set ({@code TRANSCRIPTION_API_KEY} or {@code OPENAI_API_KEY}; any format the API takes), else
 * Vosk offline (WAV and raw PCM). Failures are {@link UnsupportedAudioException}s whose text the client sees.
 */
@ApplicationScoped
public class Transcriber {

    public static final String VOSK = "vosk";
    public static final String API = "api";
    public static final String NONE = "none";
    static final String API_FAILED = "Transcription service failed: try again later";

    private final StreamConfig config;
    private final VoskEngine vosk;
    private final TranscriptionWorkers workers;
    private final TranscriptionApi api;
    private final String mode;

    public Transcriber(StreamConfig config, VoskEngine vosk, TranscriptionWorkers workers,
            @RestClient TranscriptionApi api) {
        this.config = config;
        this.vosk = vosk;
        this.workers = workers;
        this.api = api;
        this.mode = mode(config);
    }

    static String mode(StreamConfig config) {
        String configured = config.transcription().mode().toLowerCase(Locale.ROOT);
        if (!configured.equals("auto")) {
            return configured;
        }
        return config.transcription().apiKey().isBlank() || config.transcription().apiKey().equals("none") ? VOSK
                : API;
    }

    void onStart(@Observes StartupEvent start) {
        Log.infof("Transcription mode: %s", mode.equals(API) ? "OpenAI-compatible API, model "
                + config.transcription().model() : mode);
    }

    public String mode() {
        return mode;
    }

    /** Whether live captions run ({@code audio} chunks of PCM through a streaming recognizer). */
    public boolean liveCaptions() {
        return mode.equals(VOSK) && config.transcription().vosk().liveCaptions();
    }

    public Uni<Transcript> transcribe(AudioInput audio, String language) {
        if (audio.bytes().length > config.transcription().maxAudioBytes()) {
            return Uni.createFrom().failure(new UnsupportedAudioException("Audio too long for one transcription: at"
                    + " most " + config.transcription().maxAudioBytes() + " bytes"));
        }
        return switch (mode) {
            case API -> viaApi(audio, language);
            case VOSK -> offline(audio);
            default -> Uni.createFrom().failure(new UnsupportedAudioException("Transcription is turned off"));
        };
    }

    /** The format is checked here; conversion and recognition run on the workers. */
    private Uni<Transcript> offline(AudioInput audio) {
        if (!AudioDecoder.isReadable(audio)) {
            return Uni.createFrom().failure(AudioDecoder.unsupported(audio));
        }
        return workers.run(() -> new Transcript(vosk.transcribe(AudioDecoder.toMono16k(audio,
                config.audio().defaultSampleRate())), VOSK));
    }

    private Uni<Transcript> viaApi(AudioInput audio, String language) {
        ClientMultipartForm form = ClientMultipartForm.create()
                .binaryFileUpload("file", fileName(audio), Buffer.buffer(audio.bytes()), contentType(audio))
                .attribute("model", config.transcription().model(), null)
                .attribute("response_format", "json", null);
        if (language != null && language.matches("[a-zA-Z-]{2,12}")) {
            form.attribute("language", language, null);
        }
        return api.transcribe("Bearer " + config.transcription().apiKey(), form)
                .ifNoItem().after(Duration.ofSeconds(90)).fail()
                .map(result -> new Transcript(result == null || result.text() == null ? "" : result.text().trim(),
                        API))
                .onFailure().transform(failure -> {
                    Log.warnf("Transcription API call failed: %s", failure.getClass().getSimpleName());
                    return new UnsupportedAudioException(API_FAILED);
                });
    }

    /** The file name tells the API the container; raw PCM is wrapped in nothing, so it is named .pcm. */
    private static String fileName(AudioInput audio) {
        if (AudioDecoder.isWav(audio.bytes())) {
            return "audio.wav";
        }
        String format = audio.format() == null ? "" : audio.format().toLowerCase(Locale.ROOT);
        String extension = format.replaceFirst("^audio/", "").replaceFirst(";.*$", "");
        return "audio." + (extension.matches("[a-z0-9]{2,5}") ? extension : "webm");
    }

    private static String contentType(AudioInput audio) {
        return AudioDecoder.isWav(audio.bytes()) ? "audio/wav" : "application/octet-stream";
    }
}
