package io.realtime.chat.assistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.quarkus.logging.Log;

/**
 * The bundled questions and answers on novated leasing (a Markdown file: {@code ## question}, then its answer),
 * embedded in-process and ranked by cosine similarity in Java. Embedding happens off the event loop: {@link #load}
 * runs on a worker, and every search waits for it without blocking.
 */
public final class KnowledgeBase {

    /** One question and its answer, with the vectors it is found by. */
    public record Entry(String question, String answer, float[] questionVector, float[] entryVector) {
    }

    /** A search result: the best entries first, each with its score. */
    public record Match(Entry entry, double score) {
    }

    /** Turns text into a vector (the ONNX model in production). */
    public interface Embedder {
        float[] embed(String text);
    }

    private final CompletableFuture<List<Entry>> entries;
    private final Embedder embedder;
    private final Executor worker;

    private KnowledgeBase(CompletableFuture<List<Entry>> entries, Embedder embedder, Executor worker) {
        this.entries = entries;
        this.embedder = embedder;
        this.worker = worker;
    }

    /** Starts loading {@code markdown} on {@code worker}: the embedder (a model) is created there too. */
    public static KnowledgeBase load(String markdown, java.util.function.Supplier<Embedder> embedderFactory,
            Executor worker) {
        CompletableFuture<Embedder> embedder = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Embedder created = embedderFactory.get();
            created.embed("warm up");
            Log.infof("Knowledge base: embedding model loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
            return created;
        }, worker);
        CompletableFuture<List<Entry>> entries = embedder.thenApplyAsync(model -> {
            long start = System.nanoTime();
            List<Entry> embedded = parse(markdown).stream()
                    .map(qa -> new Entry(qa[0], qa[1], model.embed(qa[0]), model.embed(qa[0] + "\n" + qa[1])))
                    .toList();
            Log.infof("Knowledge base: %d entries embedded in %d ms", embedded.size(),
                    (System.nanoTime() - start) / 1_000_000);
            return embedded;
        }, worker);
        entries.exceptionally(failure -> {
            Log.errorf(failure, "Knowledge base could not be loaded");
            return null;
        });
        return new KnowledgeBase(entries, text -> embedder.join().embed(text), worker);
    }

    /** The Markdown file on the class path. */
    public static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("knowledge base not found on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes when every entry is embedded. */
    public CompletableFuture<List<Entry>> ready() {
        return entries;
    }

    /** Every entry ranked against {@code query}, best first; runs on the worker, completes when done. */
    public CompletableFuture<List<Match>> search(String query) {
        return entries.thenApplyAsync(all -> {
            float[] vector = embedder.embed(query);
            return all.stream()
                    .map(entry -> new Match(entry, Math.max(cosine(vector, entry.questionVector()),
                            cosine(vector, entry.entryVector()))))
                    .sorted(Comparator.comparingDouble(Match::score).reversed())
                    .toList();
        }, worker);
    }

    /** {@code [question, answer]} pairs of the Markdown: each {@code ## } heading and the text until the next. */
    static List<String[]> parse(String markdown) {
        List<String[]> pairs = new ArrayList<>();
        String question = null;
        StringBuilder answer = new StringBuilder();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                add(pairs, question, answer);
                question = line.substring(3).strip();
                answer.setLength(0);
            } else if (question != null && !line.isBlank()) {
                answer.append(answer.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        add(pairs, question, answer);
        return pairs;
    }

    private static void add(List<String[]> pairs, String question, StringBuilder answer) {
        if (question != null && !answer.isEmpty()) {
            pairs.add(new String[] { question, answer.toString() });
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
