package io.realtime.assessment.quiz.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A test: what is asked, how long it may take, and who may take it. */
@Entity
@Table(name = "assessment_test")
public class AssessmentTest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, columnDefinition = "text")
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] skills = new String[0];

    @Column(name = "total_questions", nullable = false)
    public int totalQuestions;

    @Column(name = "min_difficulty", nullable = false)
    public short minDifficulty = 1;

    @Column(name = "max_difficulty", nullable = false)
    public short maxDifficulty = 3;

    @Column(name = "initial_difficulty", nullable = false)
    public short initialDifficulty = 2;

    @Column(name = "time_limit_minutes", nullable = false)
    public int timeLimitMinutes;

    @Column(name = "question_time_limit_seconds", nullable = false)
    public int questionTimeLimitSeconds = 120;

    @Column(name = "open_to_all", nullable = false)
    public boolean openToAll;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Raised by PostgreSQL on every change to the test or its bank (migration V3). */
    @Column(nullable = false, insertable = false, updatable = false)
    public long version;

    public String skillFor(int position) {
        return skillFor(name, Arrays.asList(skills), position);
    }

    public int clampDifficulty(int level) {
        return clampDifficulty(minDifficulty, maxDifficulty, level);
    }

    /** The skill for the n-th question (0-based): the test's skills in turn, its name when it has none. */
    static String skillFor(String name, List<String> skills, int position) {
        return skills.isEmpty() ? name : skills.get(position % skills.size());
    }

    static int clampDifficulty(int min, int max, int level) {
        return Math.max(min, Math.min(max, level));
    }
}
