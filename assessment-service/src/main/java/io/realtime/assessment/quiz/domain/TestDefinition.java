package io.realtime.assessment.quiz.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A test as it stood at {@code version}: its settings and its question bank, immutable, shared by every attempt at
 * it on this instance (see {@code TestDefinitions}).
 *
 * @param bank the bank's questions in the order they were added
 */
public record TestDefinition(long id, long version, String name, List<String> skills, int totalQuestions,
        int minDifficulty, int maxDifficulty, int initialDifficulty, int timeLimitMinutes,
        int questionTimeLimitSeconds, boolean openToAll, List<QuestionContent> bank) {

    public TestDefinition {
        skills = List.copyOf(skills);
        bank = List.copyOf(bank);
    }

    public static TestDefinition of(AssessmentTest test, List<BankQuestion> bank) {
        return new TestDefinition(test.id, test.version, test.name, Arrays.asList(test.skills), test.totalQuestions,
                test.minDifficulty, test.maxDifficulty, test.initialDifficulty, test.timeLimitMinutes,
                test.questionTimeLimitSeconds, test.openToAll, bank.stream().map(BankQuestion::content).toList());
    }

    public String skillFor(int position) {
        return AssessmentTest.skillFor(name, skills, position);
    }

    public int clampDifficulty(int level) {
        return AssessmentTest.clampDifficulty(minDifficulty, maxDifficulty, level);
    }
}
