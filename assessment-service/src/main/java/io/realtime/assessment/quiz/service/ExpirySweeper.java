package io.realtime.assessment.quiz.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Ends attempts past their time limit even when nobody is connected, so results and events never wait. */
@ApplicationScoped
public class ExpirySweeper {

    private static final int BATCH = 200;

    private final AssessmentService assessments;

    public ExpirySweeper(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @Scheduled(every = "${assessment.expiry-sweep-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return assessments.expireOverdue(BATCH)
                .invoke(count -> {
                    if (count > 0) {
                        Log.infof("Ended %d attempt(s) past their time limit", count);
                    }
                })
                .onFailure().invoke(e -> Log.warnf("Expiry sweep failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
