package io.realtime.assessment.quiz.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A question an instructor wrote for a test: used without a model, and when generation fails. */
@Entity
@Table(name = "bank_question")
public class BankQuestion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "test_id", nullable = false)
    public Long testId;

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

    @Column(nullable = false)
    public short difficulty;

    @Column(nullable = false, columnDefinition = "text")
    public String skill;

    public QuestionContent content() {
        return new QuestionContent(text, List.of(optionA, optionB, optionC, optionD),
                AnswerOption.valueOf(correctOption), Difficulty.ofLevel(difficulty), skill, null);
    }
}
