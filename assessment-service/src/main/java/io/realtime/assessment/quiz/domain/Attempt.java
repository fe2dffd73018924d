package io.realtime.assessment.quiz.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

/** One user's attempt at a test; its id is the guide's {@code assessment_id} (and {@code thread_id}). */
@Entity
@Table(name = "attempt")
public class Attempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "test_id", nullable = false)
    public Long testId;

    @Column(name = "user_id", nullable = false, columnDefinition = "text")
    public String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    public AttemptStatus status;

    @Column(name = "current_difficulty", nullable = false)
    public short currentDifficulty;

    @Column(name = "answered_questions", nullable = false)
    public int answeredQuestions;

    @Column(name = "correct_answers", nullable = false)
    public int correctAnswers;

    @Column(name = "final_score")
    public BigDecimal finalScore;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "deadline_at", nullable = false)
    public Instant deadlineAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The test's version, read in the same statement as the attempt: how fresh a cached test must be. */
    @Formula("(select t.version from assessment_test t where t.id = test_id)")
    public long testVersion;

    public boolean inProgress() {
        return status == AttemptStatus.IN_PROGRESS;
    }

    public boolean isOverdue(Instant now) {
        return inProgress() && !now.isBefore(deadlineAt);
    }

    /** Ends the attempt; the score counts unanswered questions as wrong. */
    public void end(AttemptStatus outcome, int totalQuestions, Instant now) {
        status = outcome;
        endedAt = now;
        finalScore = BigDecimal.valueOf(correctAnswers * 100L)
                .divide(BigDecimal.valueOf(totalQuestions), 2, RoundingMode.HALF_UP);
    }
}
