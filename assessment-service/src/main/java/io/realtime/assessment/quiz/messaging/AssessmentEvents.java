package io.realtime.assessment.quiz.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import io.quarkus.logging.Log;
import io.realtime.assessment.quiz.service.QuizViews;
import io.realtime.protocol.event.AssessmentCompletedEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes {@code assessment.completed} after the attempt's end is committed. */
@ApplicationScoped
public class AssessmentEvents {

    private final MutinyEmitter<AssessmentCompletedEvent> completed;

    public AssessmentEvents(@Channel("assessment-completed") MutinyEmitter<AssessmentCompletedEvent> completed) {
        this.completed = completed;
    }

    /** Never fails the caller: the result is already stored; a publishing failure is logged. */
    public Uni<Void> attemptEnded(QuizViews.Result result) {
        AssessmentCompletedEvent event = new AssessmentCompletedEvent(AssessmentCompletedEvent.CURRENT_VERSION,
                result.attemptId(), result.testId(), result.userId(), result.status(), result.finalScore(),
                result.correctAnswers(), result.answeredQuestions(), result.totalQuestions(),
                WireTime.format(result.startedAt()), WireTime.format(result.endedAt()));
        Message<AssessmentCompletedEvent> message = Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String> builder().withKey(Long.toString(result.attemptId())).build());
        return completed.sendMessage(message)
                .onFailure().invoke(e -> Log.errorf("assessment.completed for %d not published: %s",
                        result.attemptId(), e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
