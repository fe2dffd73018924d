package io.realtime.chat.assistant.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.realtime.chat.assistant.ai.AlexAssistant;
import io.realtime.chat.assistant.ai.ModelCalls;
import io.realtime.chat.assistant.knowledge.KnowledgeBase;
import io.realtime.chat.config.ChatConfig;
import io.realtime.kit.vertx.CallerContext;
import io.realtime.protocol.ai.ModelKey;
import io.realtime.protocol.text.SafeText;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Alex's answers in either mode. With a model: the answer streamed from the model (bounded in concurrency, per-token
 * idle time and total time), then one structured-output call for the visitor's details and suggestions. Without
 * one: the best entry of the bundled knowledge base, found by in-process embeddings; related questions as
 * suggestions; details by rules. Either way the answer comes as words, and details are validated and never invented.
 */
@ApplicationScoped
public class Assistant {

    public static final String BUSY = "Alex is busy right now. Please try again in a moment.";
    public static final String FAILED = "Alex could not answer just now. Please try again in a moment.";
    public static final String NOT_SURE = "I'm not sure I can answer that one. I can help with novated leasing: how it "
            + "works, tax and FBT, running costs, electric vehicles and getting started. If you share your name and "
            + "email or phone number, a leasing specialist can help with anything else.";
    /** Suggestions when the model's extraction gives none (the guide's own examples). */
    public static final List<String> DEFAULT_SUGGESTIONS = List.of("What are the benefits?", "How do I get started?",
            "What vehicles are available?");

    private static final int MAX_SUGGESTION_CHARS = 120;

    /** One message of the conversation, as the model sees it. */
    public record Turn(boolean visitor, String content) {
    }

    /** The visitor's latest message, the conversation before it, and what is known about them. */
    public record Question(String message, List<Turn> earlier, Map<String, String> known) {

        String visitorText() {
            return earlier.stream().filter(Turn::visitor).map(Turn::content)
                    .collect(Collectors.joining("\n", "", "\n")) + message;
        }
    }

    /** What the answer taught us: validated details (to merge into conversation_data) and next questions. */
    public record Insights(Map<String, String> details, List<String> suggestions) {
    }

    /** The answer as words, and what to learn from it once the whole text is known. */
    public record Reply(Multi<String> words, Function<String, Uni<Insights>> insights) {
    }

    /** The model failed, timed out or is saturated: the visitor gets an error frame and may ask again. */
    public static class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AlexAssistant alex;
    private final ModelCalls calls;
    private final ObjectMapper json;
    private final ChatConfig config;
    private final boolean modelMode;
    private final Semaphore streams;
    private volatile KnowledgeBase knowledge;

    public Assistant(AlexAssistant alex, ModelCalls calls, ObjectMapper json, ChatConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key", defaultValue = "none") String apiKey) {
        this.alex = alex;
        this.calls = calls;
        this.json = json;
        this.config = config;
        this.modelMode = ModelKey.isConfigured(apiKey);
        this.streams = new Semaphore(config.model().maxConcurrentStreams());
    }

    /** Without a model, the knowledge base is embedded at start-up, on a worker thread. */
    void start(@Observes StartupEvent started) {
        Log.infof("Chat assistant mode: %s", modelMode ? "model (OpenAI-compatible server)"
                : "knowledge base (no model configured; in-process embeddings)");
        if (!modelMode) {
            knowledge = KnowledgeBase.load(KnowledgeBase.resource(config.knowledgeBase().resource()), () -> {
                BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
                return text -> model.embed(text).content().vector();
            }, Infrastructure.getDefaultWorkerPool());
        }
    }

    public boolean modelMode() {
        return modelMode;
    }

    /** The knowledge base (no-model mode only; null otherwise). */
    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Uni<Reply> reply(Question question) {
        return modelMode ? Uni.createFrom().item(() -> modelReply(question)) : knowledgeReply(question);
    }

    /** A permit per stream, taken when the stream starts and given back however it ends (cancelled included). */
    private Reply modelReply(Question question) {
        Multi<String> tokens = Multi.createFrom().deferred(() -> {
            if (!streams.tryAcquire()) {
                return Multi.createFrom().failure(new UnavailableException(BUSY, null));
            }
            long deadline = System.nanoTime() + config.model().streamTimeout().toNanos();
            return alex.answer(transcript(question.earlier()), question.message())
                    .ifNoItem().after(config.model().tokenIdleTimeout())
                    .failWith(() -> new TimeoutException("no token within " + config.model().tokenIdleTimeout()))
                    .onItem().invoke(token -> {
                        if (System.nanoTime() > deadline) {
                            throw new UnavailableException(FAILED, new TimeoutException(
                                    "answer longer than " + config.model().streamTimeout()));
                        }
                    })
                    .onTermination().invoke(streams::release);
        }).onFailure(failure -> !(failure instanceof UnavailableException))
                .transform(failure -> new UnavailableException(FAILED, failure));
        return new Reply(Words.of(tokens), answer -> extract(question, answer));
    }

    /** The structured-output call; an unusable answer falls back to the rules. */
    private Uni<Insights> extract(Question question, String answer) {
        String transcript = transcript(question.earlier()) + "\nVisitor: " + question.message() + "\nAlex: " + answer;
        return CallerContext.resume(() -> calls.extract(transcript)).map(output -> {
            Map<String, Object> proposed = new LinkedHashMap<>();
            List<String> suggestions = new ArrayList<>();
            try {
                JsonNode root = json.readTree(stripFences(output));
                if (root != null && root.isObject()) {
                    root.properties().forEach(field -> {
                        if (field.getValue().isTextual() || field.getValue().isNumber()) {
                            proposed.put(field.getKey(), field.getValue().asText());
                        }
                    });
                    JsonNode list = root.get("suggestions");
                    if (list != null && list.isArray()) {
                        list.forEach(item -> {
                            String text = item.asText("").strip();
                            if (item.isTextual() && !text.isEmpty() && text.length() <= MAX_SUGGESTION_CHARS
                                    && SafeText.isSafe(text) && suggestions.size() < 3) {
                                suggestions.add(text);
                            }
                        });
                    }
                }
            } catch (Exception e) {
                Log.debugf("Extraction output is not JSON: %s", e.getMessage());
            }
            Map<String, String> details = VisitorDetails.validated(proposed, question.visitorText());
            VisitorDetails.byRules(question.visitorText()).forEach(details::putIfAbsent);
            return new Insights(details, suggestions.size() >= 2 ? suggestions : DEFAULT_SUGGESTIONS);
        });
    }

    private Uni<Reply> knowledgeReply(Question question) {
        return CallerContext.resume(() -> knowledge.search(question.message())).map(matches -> {
            Map<String, String> details = VisitorDetails.byRules(question.visitorText());
            Map<String, String> told = VisitorDetails.byRules(question.message());
            KnowledgeBase.Match best = matches.isEmpty() ? null : matches.get(0);
            boolean answered = best != null && best.score() >= config.knowledgeBase().minScore();
            String text;
            if (!told.isEmpty()) {
                Map<String, String> all = new LinkedHashMap<>(question.known());
                all.putAll(details);
                text = thanks(all);
                answered = false;
            } else {
                text = answered ? best.entry().answer() : NOT_SURE;
            }
            List<String> suggestions = matches.stream().skip(answered ? 1 : 0)
                    .limit(config.knowledgeBase().suggestions())
                    .map(match -> match.entry().question()).toList();
            Insights insights = new Insights(details, suggestions);
            return new Reply(Multi.createFrom().iterable(Words.of(text)), ignored -> Uni.createFrom().item(insights));
        });
    }

    private static String thanks(Map<String, String> known) {
        String name = known.get(VisitorDetails.NAME);
        String greeting = name == null ? "Thanks! " : "Thanks, " + name.split(" ")[0] + "! ";
        if (VisitorDetails.hasContact(known)) {
            return greeting + "I've noted your details, and a novated leasing specialist will be in touch soon "
                    + "with a tailored quote. Is there anything else you'd like to know in the meantime?";
        }
        if (name == null) {
            return greeting + "I've noted that. Could you also tell me your name, so a specialist knows who to ask "
                    + "for?";
        }
        return greeting + "Could you also share your email or phone number, so a leasing specialist can send you a "
                + "quote?";
    }

    private static String transcript(List<Turn> turns) {
        if (turns.isEmpty()) {
            return "(this is the visitor's first message)";
        }
        return turns.stream().map(turn -> (turn.visitor() ? "Visitor: " : "Alex: ") + turn.content())
                .collect(Collectors.joining("\n"));
    }

    private static String stripFences(String output) {
        String text = output == null ? "" : output.strip();
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            text = start >= 0 && end > start ? text.substring(start + 1, end) : text;
        }
        return text;
    }
}
