package io.realtime.assessment.quiz.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.realtime.protocol.event.AssessmentCompletedEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes {@code assessment.completed} after the attempt's end is committed. */
@ApplicationScoped
public class AssessmentEvents {

    private final MutinyEmitter<AssessmentCompletedEvent> completed;

    public AssessmentEvents(@Channel("assessment-completed") MutinyEmitter<AssessmentCompletedEvent> completed) {
        this.completed = completed;
    }

    /** Never fails the caller: the result is already stored; a publishing failure is logged. */
    public Uni<Void> attemptEnded(AssessmentCompletedEvent event) {
        Message<AssessmentCompletedEvent> message = Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String> builder().withKey(Long.toString(event.assessmentId())).build());
        return completed.sendMessage(message)
                .onFailure().invoke(e -> Log.errorf("assessment.completed for %d not published: %s",
                        event.assessmentId(), e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
