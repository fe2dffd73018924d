package io.realtime.assessment.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server to client frames of the assessment guide; each record is the {@code data} object of a
 * {@code {"type": ..., "data": ...}} frame. Field names are the guide's.
 */
public sealed interface ServerMessage {

    @JsonIgnore
    String type();

    @RegisterForReflection
    record AuthSuccess(
            @JsonProperty("user_id") Object userId,
            @JsonProperty("connection_id") String connectionId,
            String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "auth_success";
        }
    }

    @RegisterForReflection
    record AssessmentStarted(
            @JsonProperty("test_id") long testId,
            @JsonProperty("assessment_id") long assessmentId,
            @JsonProperty("thread_id") String threadId,
            @JsonProperty("test_name") String testName,
            @JsonProperty("time_limit_minutes") int timeLimitMinutes,
            @JsonProperty("total_questions") int totalQuestions,
            String message) implements ServerMessage {

        @Override
        public String type() {
            return "assessment_started";
        }
    }

    @RegisterForReflection
    record AssessmentRecovered(
            @JsonProperty("assessment_id") long assessmentId,
            @JsonProperty("thread_id") String threadId,
            Progress progress,
            String message) implements ServerMessage {

        @Override
        public String type() {
            return "assessment_recovered";
        }
    }

    @RegisterForReflection
    record Question(
            @JsonProperty("question_id") String questionId,
            @JsonProperty("thread_id") String threadId,
            QuestionBody question) implements ServerMessage {

        @Override
        public String type() {
            return "question";
        }
    }

    /** Never carries the correct option. */
    @RegisterForReflection
    record QuestionBody(String text, List<Option> options, String difficulty, String skill,
            @JsonProperty("time_limit") int timeLimit) {
    }

    @RegisterForReflection
    record Option(String id, String text) {
    }

    @RegisterForReflection
    record AnswerFeedback(
            @JsonProperty("question_id") String questionId,
            Feedback feedback,
            Progress progress,
            @JsonProperty("thread_id") String threadId) implements ServerMessage {

        @Override
        public String type() {
            return "answer_feedback";
        }
    }

    @RegisterForReflection
    record Feedback(
            boolean correct,
            @JsonProperty("selected_option") String selectedOption,
            @JsonProperty("correct_answer") String correctAnswer,
            String message) {
    }

    /**
     * The guide's progress objects come in two shapes ({@code answered}/{@code total} in {@code answer_feedback},
     * {@code answered_questions}/{@code total_questions} in {@code assessment_recovered}), and its React hook
     * stores either and then reads {@code answered}/{@code total}. Every progress object carries both.
     */
    @RegisterForReflection
    record Progress(
            int answered,
            int total,
            @JsonProperty("answered_questions") int answeredQuestions,
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("percentage_complete") double percentageComplete) {

        public static Progress of(int answered, int total) {
            double percentage = total == 0 ? 0 : Math.round(answered * 10000.0 / total) / 100.0;
            return new Progress(answered, total, answered, total, percentage);
        }
    }

    /** {@code progress_update}: the guide's fields plus {@code answered}/{@code total} (see {@link Progress}). */
    @RegisterForReflection
    record ProgressUpdate(
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("answered_questions") int answeredQuestions,
            @JsonProperty("percentage_complete") double percentageComplete,
            int answered,
            int total,
            @JsonProperty("thread_id") String threadId,
            String timestamp) implements ServerMessage {

        public static ProgressUpdate of(Progress progress, String threadId, String timestamp) {
            return new ProgressUpdate(progress.totalQuestions(), progress.answeredQuestions(),
                    progress.percentageComplete(), progress.answered(), progress.total(), threadId, timestamp);
        }

        @Override
        public String type() {
            return "progress_update";
        }
    }

    /** Both shapes the guide shows: the flat example and the {@code results}/{@code next_steps} schema. */
    @RegisterForReflection
    record AssessmentCompleted(
            @JsonProperty("final_score") double finalScore,
            @JsonProperty("correct_answers") int correctAnswers,
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("assessment_id") long assessmentId,
            @JsonProperty("thread_id") String threadId,
            String message,
            Results results,
            @JsonProperty("next_steps") String nextSteps) implements ServerMessage {

        @Override
        public String type() {
            return "assessment_completed";
        }
    }

    @RegisterForReflection
    record Results(
            @JsonProperty("final_score") double finalScore,
            @JsonProperty("correct_answers") int correctAnswers,
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("answered_questions") int answeredQuestions,
            @JsonProperty("assessment_id") long assessmentId,
            @JsonProperty("thread_id") String threadId,
            String status) {
    }

    @RegisterForReflection
    record SystemMessage(String message, String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "system_message";
        }
    }

    @RegisterForReflection
    record Pong(String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "pong";
        }
    }

    /**
     * {@code error} is the guide's human text (the client matches on it), {@code code} the guide's error code.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String error, String code, String timestamp) implements ServerMessage {

        @Override
        public String type() {
            return "error";
        }
    }
}
