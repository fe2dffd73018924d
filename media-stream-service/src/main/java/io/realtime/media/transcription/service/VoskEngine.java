package io.realtime.media.transcription.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.transcription.domain.UnsupportedAudioException;

/**
 * Offline speech-to-text: Vosk with the small English model that Maven Central ships ({@code vosk-model-en}, in the
 * jar as {@code vosk/model-en.aar}), unpacked once into the cache directory. The model loads on first use, on a
 * worker thread; if the native library cannot load here, every request gets a clear {@code transcription_error}.
 * Every method blocks: call them on {@link TranscriptionWorkers}, never on an event loop.
 */
@ApplicationScoped
public class VoskEngine {

    static final String MODEL_RESOURCE = "vosk/model-en.aar";
    static final String MODEL_PREFIX = "assets/model-en-us/";
    static final String MODEL_DIR = "vosk-model-en-us-0.3.45";
    public static final String UNAVAILABLE = "Offline transcription is unavailable on this server";

    private final StreamConfig config;
    private final ObjectMapper mapper;
    private CompletableFuture<Model> model;

    public VoskEngine(StreamConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** The transcript of 16 kHz mono 16-bit PCM. */
    public String transcribe(byte[] pcm16k) {
        try (Recognizer recognizer = recognizer()) {
            StringBuilder text = new StringBuilder();
            int chunk = AudioDecoder.TARGET_RATE * 2; // one second at a time
            for (int offset = 0; offset < pcm16k.length; offset += chunk) {
                int length = Math.min(chunk, pcm16k.length - offset);
                byte[] part = offset == 0 && length == pcm16k.length ? pcm16k
                        : java.util.Arrays.copyOfRange(pcm16k, offset, offset + length);
                if (recognizer.acceptWaveForm(part, length)) {
                    append(text, field(recognizer.getResult(), "text"));
                }
            }
            append(text, field(recognizer.getFinalResult(), "text"));
            return text.toString();
        }
    }

    /** A streaming recognizer for live captions; the caller closes it. */
    public Stream16k stream() {
        return new Stream16k(recognizer());
    }

    private Recognizer recognizer() {
        try {
            return new Recognizer(model(), AudioDecoder.TARGET_RATE);
        } catch (IOException e) {
            throw new UnsupportedAudioException(UNAVAILABLE + ": the recognizer could not start");
        }
    }

    /** One connection's live recognizer: feed it PCM, read partial and final text. Not thread-safe. */
    public final class Stream16k implements AutoCloseable {
        private final Recognizer recognizer;

        Stream16k(Recognizer recognizer) {
            this.recognizer = recognizer;
        }

        /** Answers the final text when a pause ended an utterance, else null (then {@link #partial()} has it). */
        public String accept(byte[] pcm16k) {
            return recognizer.acceptWaveForm(pcm16k, pcm16k.length) ? field(recognizer.getResult(), "text") : null;
        }

        public String partial() {
            return field(recognizer.getPartialResult(), "partial");
        }

        /** What is left at the end of the stream. */
        public String flush() {
            return field(recognizer.getFinalResult(), "text");
        }

        @Override
        public void close() {
            recognizer.close();
        }
    }

    private synchronized Model model() {
        if (model == null) {
            model = new CompletableFuture<>();
            try {
                LibVosk.setLogLevel(LogLevel.WARNINGS);
                long start = System.nanoTime();
                Path dir = unpack();
                model.complete(load(dir));
                Log.infof("Vosk model loaded from %s in %d ms", dir, (System.nanoTime() - start) / 1_000_000);
            } catch (LinkageError | RuntimeException e) {
                Log.errorf("Vosk cannot run here (%s): transcription requests get transcription_error",
                        String.valueOf(e));
                model.completeExceptionally(e);
            }
        }
        if (model.isCompletedExceptionally()) {
            throw new UnsupportedAudioException(UNAVAILABLE + ": the offline speech recognizer failed to load");
        }
        return model.join();
    }

    private static Model load(Path dir) {
        try {
            return new Model(dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("loading the Vosk model from " + dir + " failed", e);
        }
    }

    /** Unpacks the model once: into a temporary folder first, then moved into place, so a crash leaves no half. */
    private Path unpack() {
        Path cache = Path.of(config.transcription().vosk().cacheDir()
                .orElse(System.getProperty("java.io.tmpdir") + "/realtime-vosk"));
        Path target = cache.resolve(MODEL_DIR);
        if (Files.isRegularFile(target.resolve("am/final.mdl"))) {
            return target;
        }
        try (InputStream in = VoskEngine.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the model " + MODEL_RESOURCE + " is not on the class path");
            }
            Files.createDirectories(cache);
            Path partial = Files.createTempDirectory(cache, MODEL_DIR + ".");
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.getName().startsWith(MODEL_PREFIX) || entry.isDirectory()
                            || entry.getName().contains("..")) {
                        continue;
                    }
                    Path file = partial.resolve(entry.getName().substring(MODEL_PREFIX.length()));
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                deleteTree(partial); // another instance unpacked it first
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking the Vosk model into " + cache + " failed", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private String field(String json, String name) {
        try {
            JsonNode node = mapper.readTree(json);
            return node.path(name).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static void append(StringBuilder text, String part) {
        if (!part.isBlank()) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(part.trim());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (model != null && model.isDone() && !model.isCompletedExceptionally()) {
            model.join().close();
        }
    }
}
