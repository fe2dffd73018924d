package io.realtime.assessment.instructor.domain;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request and response bodies of the instructor REST API (snake_case, like the WebSocket protocol). */
public final class InstructorApi {

    private InstructorApi() {
    }

    @RegisterForReflection
    public record NewTest(
            String name,
            String description,
            List<String> skills,
            @JsonProperty("total_questions") Integer totalQuestions,
            @JsonProperty("min_difficulty") String minDifficulty,
            @JsonProperty("max_difficulty") String maxDifficulty,
            @JsonProperty("initial_difficulty") String initialDifficulty,
            @JsonProperty("time_limit_minutes") Integer timeLimitMinutes,
            @JsonProperty("question_time_limit_seconds") Integer questionTimeLimitSeconds,
            @JsonProperty("open_to_all") Boolean openToAll) {
    }

    @RegisterForReflection
    public record TestView(
            long id,
            String name,
            String description,
            List<String> skills,
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("min_difficulty") String minDifficulty,
            @JsonProperty("max_difficulty") String maxDifficulty,
            @JsonProperty("initial_difficulty") String initialDifficulty,
            @JsonProperty("time_limit_minutes") int timeLimitMinutes,
            @JsonProperty("question_time_limit_seconds") int questionTimeLimitSeconds,
            @JsonProperty("open_to_all") boolean openToAll,
            @JsonProperty("created_by") String createdBy) {
    }

    /** {@code options} maps A, B, C and D to their texts. */
    @RegisterForReflection
    public record NewBankQuestion(
            String text,
            Map<String, String> options,
            @JsonProperty("correct_option") String correctOption,
            String difficulty,
            String skill) {
    }

    @RegisterForReflection
    public record BankQuestionView(long id, String text, Map<String, String> options,
            @JsonProperty("correct_option") String correctOption, String difficulty, String skill) {
    }

    @RegisterForReflection
    public record Grant(@JsonProperty("user_id") String userId) {
    }

    @RegisterForReflection
    public record AttemptView(
            @JsonProperty("assessment_id") long assessmentId,
            @JsonProperty("user_id") String userId,
            String status,
            @JsonProperty("final_score") Double finalScore,
            @JsonProperty("correct_answers") int correctAnswers,
            @JsonProperty("answered_questions") int answeredQuestions,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("ended_at") String endedAt) {
    }

    @RegisterForReflection
    public record Problem(String error) {
    }
}
