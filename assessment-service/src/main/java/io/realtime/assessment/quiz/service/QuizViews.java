package io.realtime.assessment.quiz.service;

import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.Attempt;
import io.realtime.assessment.quiz.domain.AttemptQuestion;
import io.realtime.assessment.quiz.domain.TestDefinition;
import io.realtime.protocol.event.AssessmentCompletedEvent;
import io.realtime.protocol.wire.WireTime;

/** What the service hands to the endpoint: plain values, no open entities. */
public final class QuizViews {

    private QuizViews() {
    }

    public record Progress(int answered, int total) {
    }

    public sealed interface StartOutcome {
        long attemptId();
    }

    public record Started(long attemptId, long testId, String testName, int timeLimitMinutes, int totalQuestions)
            implements StartOutcome {
    }

    public record Recovered(long attemptId, Progress progress) implements StartOutcome {
    }

    /** A question as shown; {@code correct} stays server-side. */
    public record ShownQuestion(long attemptId, String questionId, String text, java.util.List<String> options,
            String difficulty, String skill, int timeLimitSeconds) {

        static ShownQuestion of(AttemptQuestion question) {
            return new ShownQuestion(question.attemptId, question.wireId(), question.text, question.options(),
                    question.difficultyLevel().wireName(), question.skill, question.timeLimitSeconds);
        }
    }

    public record Answered(long attemptId, String questionId, boolean correct, AnswerOption selected,
            AnswerOption correctAnswer, Progress progress) {

        public boolean moreToAsk() {
            return progress.answered() < progress.total();
        }
    }

    public record Result(long attemptId, long testId, String userId, String status, double finalScore,
            int correctAnswers, int answeredQuestions, int totalQuestions, java.time.Instant startedAt,
            java.time.Instant endedAt) {

        /** The {@code assessment.completed} event for this result. */
        public AssessmentCompletedEvent event() {
            return new AssessmentCompletedEvent(AssessmentCompletedEvent.CURRENT_VERSION, attemptId, testId, userId,
                    status, finalScore, correctAnswers, answeredQuestions, totalQuestions,
                    WireTime.format(startedAt), WireTime.format(endedAt));
        }

        static Result of(Attempt attempt, TestDefinition test) {
            return new Result(attempt.id, attempt.testId, attempt.userId, attempt.status.name(),
                    attempt.finalScore == null ? 0 : attempt.finalScore.doubleValue(), attempt.correctAnswers,
                    attempt.answeredQuestions, test.totalQuestions(), attempt.startedAt, attempt.endedAt);
        }
    }
}
