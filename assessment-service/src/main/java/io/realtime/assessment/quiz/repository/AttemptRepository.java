package io.realtime.assessment.quiz.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.realtime.assessment.quiz.domain.Attempt;
import io.realtime.assessment.quiz.domain.AttemptStatus;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AttemptRepository implements PanacheRepository<Attempt> {

    public Uni<Attempt> findInProgress(long testId, String userId) {
        return find("testId = ?1 and userId = ?2 and status = ?3", testId, userId, AttemptStatus.IN_PROGRESS)
                .firstResult();
    }

    /** The newest attempt of this user at this test, whatever its state. */
    public Uni<Attempt> findLatest(long testId, String userId) {
        return find("testId = ?1 and userId = ?2", Sort.descending("id"), testId, userId).firstResult();
    }

    public Uni<List<Attempt>> findOverdue(Instant now, int limit) {
        return find("status = ?1 and deadlineAt <= ?2", AttemptStatus.IN_PROGRESS, now).page(0, limit).list();
    }

    public Uni<List<Attempt>> listByTest(long testId) {
        return list("testId", Sort.descending("id"), testId);
    }
}
