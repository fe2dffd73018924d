package io.realtime.assessment.quiz.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.kit.outbox.Outbox;
import io.realtime.protocol.event.AssessmentCompletedEvent;
import io.smallrye.mutiny.Uni;

/**
 * {@code assessment.completed}, keyed by assessment id, written to the outbox inside the transaction that ends the
 * attempt: it is published after the commit, or not at all if the transaction rolls back.
 */
@ApplicationScoped
public class AssessmentEvents {

    public static final String COMPLETED_TOPIC = "assessment.completed";

    private final Outbox outbox;

    public AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call inside the transaction that ends the attempt. */
    public Uni<Void> attemptEnded(AssessmentCompletedEvent event) {
        return outbox.add(COMPLETED_TOPIC, Long.toString(event.assessmentId()), event);
    }
}
