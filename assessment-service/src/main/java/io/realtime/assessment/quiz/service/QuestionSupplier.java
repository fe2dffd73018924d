package io.realtime.assessment.quiz.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.assessment.quiz.ai.GeneratedQuestionParser;
import io.realtime.assessment.quiz.ai.ModelAvailability;
import io.realtime.assessment.quiz.ai.ModelCalls;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.domain.QuestionContent;
import io.realtime.assessment.quiz.domain.TestDefinition;
import io.realtime.kit.vertx.CallerContext;
import io.smallrye.mutiny.Uni;

/** Produces the next question: from the model when one is configured, else from the test's bank. */
@ApplicationScoped
public class QuestionSupplier {

    public static final String SOURCE_MODEL = "MODEL";
    public static final String SOURCE_BANK = "BANK";

    public record Supplied(QuestionContent content, String source) {
    }

    private final ModelAvailability model;
    private final ModelCalls calls;
    private final GeneratedQuestionParser parser;
    private final AssessmentConfig config;

    public QuestionSupplier(ModelAvailability model, ModelCalls calls, GeneratedQuestionParser parser,
            AssessmentConfig config) {
        this.model = model;
        this.calls = calls;
        this.parser = parser;
        this.config = config;
    }

    /** Whether questions come from the model ({@link #generate}), else from the test's bank ({@link #fromBank}). */
    public boolean generates() {
        return model.available();
    }

    /**
     * @param asked texts of the questions already in the attempt (never asked twice)
     */
    public Uni<Supplied> generate(TestDefinition test, int position, Difficulty difficulty, List<String> asked) {
        String skill = test.skillFor(position);
        String previous = asked.isEmpty() ? "(none)"
                : asked.stream().map(text -> "- " + text).collect(Collectors.joining("\n"));
        return generate(test, skill, difficulty, previous, asked, 1)
                .map(content -> new Supplied(content, SOURCE_MODEL));
    }

    /**
     * @param asked texts of the questions already in the attempt (never asked twice)
     * @throws QuestionUnavailableException when every bank question was asked
     */
    public Supplied fromBank(TestDefinition test, Difficulty difficulty, List<String> asked) {
        return pickFromBank(test.bank(), difficulty, Set.copyOf(asked))
                .map(content -> new Supplied(content, SOURCE_BANK))
                .orElseThrow(() -> new QuestionUnavailableException("The question bank has no unused question"));
    }

    /** Asks the model (each call guarded by {@link ModelCalls}) until its output is a valid, new question. */
    private Uni<QuestionContent> generate(TestDefinition test, String skill, Difficulty difficulty, String previous,
            List<String> asked, int attempt) {
        return CallerContext.resume(() -> calls.writeQuestion(test.name(), skill, difficulty.wireName(), previous))
                .map(output -> parser.parse(output, difficulty, skill).filter(content -> !asked.contains(content.text())))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf("Question generation for test %d failed (try %d): %s", test.id(), attempt, failure);
                    return Optional.empty();
                })
                .chain(parsed -> {
                    if (parsed.isPresent()) {
                        return Uni.createFrom().item(parsed.get());
                    }
                    if (attempt >= config.question().generationAttempts()) {
                        return Uni.createFrom().failure(new QuestionUnavailableException(
                                "No valid question from the model"));
                    }
                    return generate(test, skill, difficulty, previous, asked, attempt + 1);
                });
    }

    /** An unused question nearest the wanted difficulty; random among equals so retakes differ. */
    static Optional<QuestionContent> pickFromBank(List<QuestionContent> bank, Difficulty wanted, Set<String> asked) {
        List<QuestionContent> unused = bank.stream().filter(q -> !asked.contains(q.text())).toList();
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        int best = unused.stream().mapToInt(q -> distance(q, wanted)).min().orElseThrow();
        List<QuestionContent> nearest = unused.stream().filter(q -> distance(q, wanted) == best).toList();
        return Optional.of(nearest.get(ThreadLocalRandom.current().nextInt(nearest.size())));
    }

    private static int distance(QuestionContent question, Difficulty wanted) {
        return Math.abs(question.difficulty().level() - wanted.level());
    }
}
