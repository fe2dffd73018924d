package io.realtime.assessment.quiz.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.realtime.assessment.quiz.domain.AttemptQuestion;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class AttemptQuestionRepository implements PanacheRepository<AttemptQuestion> {

    /** The question shown and not answered yet, if any. */
    public Uni<AttemptQuestion> findOpen(long attemptId) {
        return find("attemptId = ?1 and selectedOption is null", Sort.descending("position"), attemptId)
                .firstResult();
    }

    public Uni<List<AttemptQuestion>> listForAttempt(long attemptId) {
        return list("attemptId", Sort.ascending("position"), attemptId);
    }

    public Uni<Long> countForAttempt(long attemptId) {
        return count("attemptId", attemptId);
    }
}
