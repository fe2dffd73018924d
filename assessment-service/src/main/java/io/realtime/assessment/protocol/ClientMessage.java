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

    /**
     * Handles one message of each type, given the connection's context {@code C}. Java 17 has no pattern {@code switch} over a sealed type (preview until 21):
     * this is the exhaustive switch instead, so a new message type does not compile until its dispatcher handles it.
     */
    interface Handler<C, R> {
        R startAssessment(StartAssessment message, C context);

        R getQuestion(GetQuestion message, C context);

        R submitAnswer(SubmitAnswer message, C context);

        R getProgress(GetProgress message, C context);

        R completeAssessment(CompleteAssessment message, C context);

        R chatMessage(ChatMessage message, C context);

        R heartbeat(Heartbeat message, C context);
    }

    /** Calls the handler's method for this message's type. */
    <C, R> R dispatch(Handler<C, R> handler, C context);

    /** {@code test_id} is optional: the connection's path already names the test. */
    @RegisterForReflection
    record StartAssessment(@JsonProperty("test_id") Long testId) implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.startAssessment(this, context);
        }
    }

    @RegisterForReflection
    record GetQuestion() implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.getQuestion(this, context);
        }
    }

    @RegisterForReflection
    record SubmitAnswer(
            @JsonProperty(value = "question_id", required = true) String questionId,
            @JsonProperty(value = "selected_option", required = true) String selectedOption) implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.submitAnswer(this, context);
        }
    }

    @RegisterForReflection
    record GetProgress() implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.getProgress(this, context);
        }
    }

    @RegisterForReflection
    record CompleteAssessment() implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.completeAssessment(this, context);
        }
    }

    @RegisterForReflection
    record ChatMessage(@JsonProperty(value = "message", required = true) String message) implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.chatMessage(this, context);
        }
    }

    @RegisterForReflection
    record Heartbeat() implements ClientMessage {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.heartbeat(this, context);
        }
    }
}
