package io.realtime.assessment.quiz.domain;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question as shown in an attempt, with the answer once given (written once, never changed). */
@Entity
@Table(name = "attempt_question")
public class AttemptQuestion {

    public static final String WIRE_PREFIX = "q_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "attempt_id", nullable = false)
    public Long attemptId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "option_a", nullable = false, columnDefinition = "text")
    public String optionA;

    @Column(name = "option_b", nullable = false, columnDefinition = "text")
    public String optionB;

    @Column(name = "option_c", nullable = false, columnDefinition = "text")
    public String optionC;

    @Column(name = "option_d", nullable = false, columnDefinition = "text")
    public String optionD;

    @JdbcTypeCode(SqlTypes.CHAR)

    @Column(name = "correct_option", nullable = false, length = 1)
    public String correctOption;

    @Column(columnDefinition = "text")
    public String explanation;

    @Column(nullable = false)
    public short difficulty;

    @Column(nullable = false, columnDefinition = "text")
    public String skill;

    @Column(name = "time_limit_seconds", nullable = false)
    public int timeLimitSeconds;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    @JdbcTypeCode(SqlTypes.CHAR)

    @Column(name = "selected_option", length = 1)
    public String selectedOption;

    @Column(name = "is_correct")
    public Boolean isCorrect;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public static AttemptQuestion of(Attempt attempt, int position, QuestionContent content, String source,
            int timeLimitSeconds, Instant now) {
        AttemptQuestion question = new AttemptQuestion();
        question.attemptId = attempt.id;
        question.position = position;
        question.text = content.text();
        question.optionA = content.options().get(0);
        question.optionB = content.options().get(1);
        question.optionC = content.options().get(2);
        question.optionD = content.options().get(3);
        question.correctOption = content.correct().name();
        question.explanation = content.explanation();
        question.difficulty = (short) content.difficulty().level();
        question.skill = content.skill();
        question.timeLimitSeconds = timeLimitSeconds;
        question.source = source;
        question.askedAt = now;
        return question;
    }

    public String wireId() {
        return WIRE_PREFIX + id;
    }

    public boolean answered() {
        return selectedOption != null;
    }

    public List<String> options() {
        return List.of(optionA, optionB, optionC, optionD);
    }

    public Difficulty difficultyLevel() {
        return Difficulty.ofLevel(difficulty);
    }
}
