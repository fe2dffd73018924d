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

    /** Access granted to this user (for a test not open to all). */
    public Uni<Boolean> granted(long testId, String userId) {
        return getSession().chain(session -> session.find(TestAccess.class, new TestAccess.Key(testId, userId)))
                .map(access -> access != null);
    }

    /** The test's version (raised by every change to it or its bank); null if there is no such test. */
    public Uni<Long> versionOf(long testId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select t.version from AssessmentTest t where t.id = :id", Long.class)
                .setParameter("id", testId).getSingleResultOrNull());
    }
}
