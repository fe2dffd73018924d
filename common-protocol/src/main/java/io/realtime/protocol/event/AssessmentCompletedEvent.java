package io.realtime.protocol.event;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Published (topic {@code assessment.completed}, key = assessment id) when an attempt ends, by the candidate
 * ({@code COMPLETED}) or by its time limit ({@code EXPIRED}).
 */
@RegisterForReflection
public record AssessmentCompletedEvent(
        int schemaVersion,
        long assessmentId,
        long testId,
        String userId,
        String status,
        double finalScore,
        int correctAnswers,
        int answeredQuestions,
        int totalQuestions,
        String startedAt,
        String endedAt) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;
}
