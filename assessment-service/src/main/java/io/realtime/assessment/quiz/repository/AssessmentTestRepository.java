package io.realtime.assessment.quiz.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.realtime.assessment.quiz.domain.AssessmentTest;
import io.realtime.assessment.quiz.domain.TestAccess;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AssessmentTestRepository implements PanacheRepository<AssessmentTest> {

    /** Open to all, or access granted to this user. */
    public Uni<Boolean> mayTake(AssessmentTest test, String userId) {
        if (test.openToAll) {
            return Uni.createFrom().item(true);
        }
        return getSession().chain(session -> session.find(TestAccess.class, new TestAccess.Key(test.id, userId)))
                .map(access -> access != null);
    }
}
