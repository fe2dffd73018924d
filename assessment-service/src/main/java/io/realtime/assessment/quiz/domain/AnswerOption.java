package io.realtime.assessment.quiz.domain;

import java.util.Optional;

/** The four options every question has. */
public enum AnswerOption {
    A, B, C, D;

    public static Optional<AnswerOption> parse(String value) {
        if (value == null || value.length() != 1) {
            return Optional.empty();
        }
        return switch (Character.toUpperCase(value.charAt(0))) {
            case 'A' -> Optional.of(A);
            case 'B' -> Optional.of(B);
            case 'C' -> Optional.of(C);
            case 'D' -> Optional.of(D);
            default -> Optional.empty();
        };
    }
}
