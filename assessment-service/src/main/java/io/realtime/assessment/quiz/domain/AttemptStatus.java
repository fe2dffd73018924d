package io.realtime.assessment.quiz.domain;

public enum AttemptStatus {
    IN_PROGRESS, COMPLETED, EXPIRED
}
