package io.realtime.assessment.quiz.service;

import java.util.Comparator;
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
import io.realtime.assessment.quiz.ai.QuestionWriter;
import io.realtime.assessment.quiz.domain.AssessmentTest;
import io.realtime.assessment.quiz.domain.BankQuestion;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.domain.QuestionContent;
import io.realtime.assessment.quiz.repository.BankQuestionRepository;
import io.smallrye.mutiny.Uni;

/** Produces the next question: from the model when one is configured, else from the test's bank. */
@ApplicationScoped
public class QuestionSupplier {

    public static final String SOURCE_MODEL = "MODEL";
    public static final String SOURCE_BANK = "BANK";

    public record Supplied(QuestionContent content, String source) {
    }

    private final ModelAvailability model;
    private final QuestionWriter writer;
    private final GeneratedQuestionParser parser;
    private final BankQuestionRepository bank;
    private final AssessmentConfig config;

    public QuestionSupplier(ModelAvailability model, QuestionWriter writer, GeneratedQuestionParser parser,
            BankQuestionRepository bank, AssessmentConfig config) {
        this.model = model;
        this.writer = writer;
        this.parser = parser;
        this.bank = bank;
        this.config = config;
    }

    /**
     * @param asked texts of the questions already in the attempt (never asked twice)
     */
    public Uni<Supplied> next(AssessmentTest test, int position, Difficulty difficulty, List<String> asked) {
        String skill = test.skillFor(position);
        if (model.available()) {
            return Blocking.call(() -> generate(test, skill, difficulty, asked))
                    .ifNoItem().after(config.question().generationTimeout())
                    .failWith(() -> new QuestionUnavailableException("Question generation timed out"))
                    .map(content -> new Supplied(content, SOURCE_MODEL));
        }
        return bank.listForTest(test.id).map(questions -> pickFromBank(questions, difficulty, Set.copyOf(asked))
                .map(content -> new Supplied(content, SOURCE_BANK))
                .orElseThrow(() -> new QuestionUnavailableException("The question bank has no unused question")));
    }

    private QuestionContent generate(AssessmentTest test, String skill, Difficulty difficulty, List<String> asked) {
        String previous = asked.isEmpty() ? "(none)"
                : asked.stream().map(text -> "- " + text).collect(Collectors.joining("\n"));
        for (int attempt = 1; attempt <= config.question().generationAttempts(); attempt++) {
            try {
                String output = writer.write(test.name, skill, difficulty.wireName(), previous);
                Optional<QuestionContent> parsed = parser.parse(output, difficulty, skill)
                        .filter(content -> !asked.contains(content.text()));
                if (parsed.isPresent()) {
                    return parsed.get();
                }
                Log.warnf("Model output for test %d was not a valid question (try %d)", test.id, attempt);
            } catch (RuntimeException e) {
                Log.warnf("Question generation for test %d failed (try %d): %s", test.id, attempt, e.getMessage());
            }
        }
        throw new QuestionUnavailableException("No valid question from the model");
    }

    /** An unused question nearest the wanted difficulty; random among equals so retakes differ. */
    static Optional<QuestionContent> pickFromBank(List<BankQuestion> questions, Difficulty wanted, Set<String> asked) {
        List<BankQuestion> unused = questions.stream().filter(q -> !asked.contains(q.text)).toList();
        if (unused.isEmpty()) {
            return Optional.empty();
        }
        int best = unused.stream().mapToInt(q -> Math.abs(q.difficulty - wanted.level())).min().orElseThrow();
        List<BankQuestion> nearest = unused.stream().filter(q -> Math.abs(q.difficulty - wanted.level()) == best)
                .sorted(Comparator.comparing(q -> q.id)).toList();
        return Optional.of(nearest.get(ThreadLocalRandom.current().nextInt(nearest.size())).content());
    }
}
