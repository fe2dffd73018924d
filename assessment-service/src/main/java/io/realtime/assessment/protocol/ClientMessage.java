package io.realtime.assessment.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Client to server frames of the assessment guide; each record is the frame's {@code data} object. */
public sealed interface ClientMessage {

    /** Frame {@code type} to record, for the decoder. */
    Map<String, Class<? extends ClientMessage>> TYPES = Map.of(
            "start_assessment", StartAssessment.class,
            "get_question", GetQuestion.class,
            "submit_answer", SubmitAnswer.class,
            "get_progress", GetProgress.class,
            "complete_assessment", CompleteAssessment.class,
            "chat_message", ChatMessage.class,
            "heartbeat", Heartbeat.class);

    /** {@code test_id} is optional: the connection's path already names the test. */
    @RegisterForReflection
    record StartAssessment(@JsonProperty("test_id") Long testId) implements ClientMessage {
    }

    @RegisterForReflection
    record GetQuestion() implements ClientMessage {
    }

    @RegisterForReflection
    record SubmitAnswer(
            @JsonProperty(value = "question_id", required = true) String questionId,
            @JsonProperty(value = "selected_option", required = true) String selectedOption) implements ClientMessage {
    }

    @RegisterForReflection
    record GetProgress() implements ClientMessage {
    }

    @RegisterForReflection
    record CompleteAssessment() implements ClientMessage {
    }

    @RegisterForReflection
    record ChatMessage(@JsonProperty(value = "message", required = true) String message) implements ClientMessage {
    }

    @RegisterForReflection
    record Heartbeat() implements ClientMessage {
    }
}
