package io.realtime.assessment.quiz.domain;

import java.util.List;

/**
 * A complete question, from the bank or the model, before it is placed in an attempt.
 *
 * @param options exactly four texts, for A, B, C and D
 */
public record QuestionContent(String text, List<String> options, AnswerOption correct, Difficulty difficulty,
        String skill, String explanation) {

    public QuestionContent {
        options = List.copyOf(options);
        if (options.size() != 4) {
            throw new IllegalArgumentException("a question has exactly four options");
        }
    }
}
