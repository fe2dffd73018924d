package io.realtime.assessment.quiz.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.realtime.assessment.quiz.domain.BankQuestion;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class BankQuestionRepository implements PanacheRepository<BankQuestion> {

    public Uni<List<BankQuestion>> listForTest(long testId) {
        return list("testId", Sort.ascending("id"), testId);
    }
}
