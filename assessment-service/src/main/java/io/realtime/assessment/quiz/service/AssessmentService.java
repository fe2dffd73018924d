package io.realtime.assessment.quiz.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.Attempt;
import io.realtime.assessment.quiz.domain.AttemptQuestion;
import io.realtime.assessment.quiz.domain.AttemptStatus;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.domain.TestDefinition;
import io.realtime.assessment.quiz.messaging.AssessmentEvents;
import io.realtime.assessment.quiz.repository.AssessmentTestRepository;
import io.realtime.assessment.quiz.repository.AttemptQuestionRepository;
import io.realtime.assessment.quiz.repository.AttemptRepository;
import io.realtime.assessment.quiz.repository.ConnectionOrderRepository;
import io.realtime.assessment.quiz.service.QuizViews.Answered;
import io.realtime.assessment.quiz.service.QuizViews.Progress;
import io.realtime.assessment.quiz.service.QuizViews.Recovered;
import io.realtime.assessment.quiz.service.QuizViews.Result;
import io.realtime.assessment.quiz.service.QuizViews.ShownQuestion;
import io.realtime.assessment.quiz.service.QuizViews.StartOutcome;
import io.realtime.assessment.quiz.service.QuizViews.Started;
import io.realtime.protocol.error.ErrorCode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The assessment state machine. All state lives in PostgreSQL; every answer is committed before it is acknowledged,
 * and an attempt past its time limit is ended (score from the answers given) the moment anything touches it.
 */
@ApplicationScoped
public class AssessmentService {

    private final AssessmentTestRepository tests;
    private final TestDefinitions definitions;
    private final AttemptRepository attempts;
    private final AttemptQuestionRepository questions;
    private final QuestionSupplier supplier;
    private final AssessmentEvents events;
    private final ConnectionOrderRepository connectionOrder;
    private final Clock clock;

    public AssessmentService(AssessmentTestRepository tests, TestDefinitions definitions, AttemptRepository attempts,
            AttemptQuestionRepository questions, QuestionSupplier supplier, AssessmentEvents events,
            ConnectionOrderRepository connectionOrder, Clock clock) {
        this.tests = tests;
        this.definitions = definitions;
        this.attempts = attempts;
        this.questions = questions;
        this.supplier = supplier;
        this.events = events;
        this.connectionOrder = connectionOrder;
        this.clock = clock;
    }

    /** A connection let in: its test, and the connection's place in the order of this user's connections. */
    public record Admission(long testId, long connectionOrder) {
    }

    /** The test, if it exists and this user may take it (else TEST_NOT_FOUND or ACCESS_DENIED), and an order number. */
    public Uni<Admission> admit(long testId, String userId) {
        return Panache.withSession(() -> current(testId)
                .call(test -> test.openToAll() ? Uni.createFrom().voidItem()
                        : tests.granted(testId, userId).invoke(allowed -> {
                            if (!allowed) {
                                throw new AssessmentException(ErrorCode.ACCESS_DENIED, "Access denied to this test");
                            }
                        }))
                .chain(test -> connectionOrder.next().map(order -> new Admission(testId, order))));
    }

    /** The test as it is now, for the chat assistant; TEST_NOT_FOUND once it is gone. */
    public Uni<TestDefinition> test(long testId) {
        return Panache.withSession(() -> current(testId));
    }

    /** The current definition: its version read now (one indexed row), the rest from the cache. */
    private Uni<TestDefinition> current(long testId) {
        return tests.versionOf(testId)
                .chain(version -> version == null ? Uni.createFrom().<TestDefinition> nullItem()
                        : definitions.at(testId, version))
                .onItem().ifNull().failWith(() -> new AssessmentException(ErrorCode.TEST_NOT_FOUND, "Test not found"));
    }

    /** The attempt's test, at least as new as the version read with the attempt row. */
    private Uni<TestDefinition> testOf(Attempt attempt) {
        return definitions.at(attempt.testId, attempt.testVersion).onItem().ifNull()
                .failWith(() -> new IllegalStateException("Test " + attempt.testId + " of attempt " + attempt.id
                        + " is gone"));
    }

    /** Recovers the attempt in progress, or starts a new one (an overdue one is ended first, with its event). */
    public Uni<StartOutcome> start(long testId, String userId) {
        return Panache.withTransaction(() -> current(testId)
                .chain(test -> attempts.findInProgress(testId, userId).chain(current -> {
                    Instant now = clock.instant();
                    if (current != null && !current.isOverdue(now)) {
                        return progressOf(current, test)
                                .map(progress -> (StartOutcome) new Recovered(current.id, progress));
                    }
                    Result expired = null;
                    if (current != null) {
                        current.end(AttemptStatus.EXPIRED, test.totalQuestions(), current.deadlineAt);
                        expired = Result.of(current, test);
                    }
                    Result ended = expired;
                    Attempt attempt = newAttempt(test, userId, now);
                    // the expiry must reach the database before the new attempt (one in progress per user and test)
                    return attempts.flush().chain(() -> attempts.persist(attempt))
                            .call(() -> ended == null ? Uni.createFrom().voidItem()
                                    : events.attemptEnded(ended.event()))
                            .map(saved -> (StartOutcome) new Started(saved.id, test.id(), test.name(),
                                    test.timeLimitMinutes(), test.totalQuestions()));
                })));
    }

    private Attempt newAttempt(TestDefinition test, String userId, Instant now) {
        Attempt attempt = new Attempt();
        attempt.testId = test.id();
        attempt.userId = userId;
        attempt.status = AttemptStatus.IN_PROGRESS;
        attempt.currentDifficulty = (short) test.initialDifficulty();
        attempt.startedAt = now;
        attempt.deadlineAt = now.plus(Duration.ofMinutes(test.timeLimitMinutes()));
        return attempt;
    }

    /** The attempt in progress for this user and test, if any (for a connection that did not send a start). */
    public Uni<Optional<Long>> attemptInProgress(long testId, String userId) {
        return Panache.withSession(() -> attempts.findInProgress(testId, userId))
                .map(attempt -> Optional.ofNullable(attempt).map(a -> a.id));
    }

    /**
     * The current unanswered question again, or a new one; never more than the test's total. A bank question is
     * picked and stored in one transaction; a model's question is written outside it, then stored in a second.
     */
    public Uni<ShownQuestion> currentOrNextQuestion(long attemptId) {
        return withActiveAttempt(attemptId, true, (attempt, test) -> questions.listForAttempt(attemptId)
                .chain(asked -> {
                    Optional<AttemptQuestion> open = asked.stream().filter(q -> !q.answered()).findFirst();
                    if (open.isPresent()) {
                        return Uni.createFrom().item(new Next(ShownQuestion.of(open.get()), null));
                    }
                    if (attempt.answeredQuestions >= test.totalQuestions()) {
                        return Uni.createFrom().failure(new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                                "All " + test.totalQuestions() + " questions are answered; send complete_assessment"));
                    }
                    Pending pending = new Pending(test, Difficulty.ofLevel(attempt.currentDifficulty), asked.size(),
                            asked.stream().map(q -> q.text).toList());
                    if (supplier.generates()) {
                        return Uni.createFrom().item(new Next(null, pending));
                    }
                    return persist(attempt, pending, supplier.fromBank(test, pending.difficulty(), pending.asked()))
                            .map(shown -> new Next(shown, null));
                }))
                .chain(next -> next.shown() != null ? Uni.createFrom().item(next.shown())
                        : supplier.generate(next.pending().test(), next.pending().position(),
                                next.pending().difficulty(), next.pending().asked())
                                .chain(supplied -> store(attemptId, next.pending(), supplied)));
    }

    /** What to ask next, decided in one transaction; a model's question is produced outside it. */
    private record Pending(TestDefinition test, Difficulty difficulty, int position, List<String> asked) {
    }

    /** The question to show, or what the model has to write first. */
    private record Next(ShownQuestion shown, Pending pending) {
    }

    private Uni<ShownQuestion> store(long attemptId, Pending pending, QuestionSupplier.Supplied supplied) {
        return withActiveAttempt(attemptId, true, (attempt, test) -> questions.findOpen(attemptId).chain(open -> {
            if (open != null) { // another connection of this user asked meanwhile: show the same question
                return Uni.createFrom().item(ShownQuestion.of(open));
            }
            return persist(attempt, pending, supplied);
        }));
    }

    private Uni<ShownQuestion> persist(Attempt attempt, Pending pending, QuestionSupplier.Supplied supplied) {
        AttemptQuestion question = AttemptQuestion.of(attempt, pending.position(), supplied.content(),
                supplied.source(), pending.test().questionTimeLimitSeconds(), clock.instant());
        return questions.persist(question).map(ShownQuestion::of);
    }

    /** Checks, stores and scores an answer; the same question is never counted twice. */
    public Uni<Answered> submitAnswer(long attemptId, String questionId, String selectedOption) {
        Optional<AnswerOption> selected = AnswerOption.parse(selectedOption);
        if (selected.isEmpty()) {
            return Uni.createFrom().failure(new AssessmentException(ErrorCode.INVALID_ANSWER,
                    "Invalid answer: selected_option must be one of A, B, C, D"));
        }
        Optional<Long> id = parseQuestionId(questionId);
        if (id.isEmpty()) {
            return Uni.createFrom().failure(new AssessmentException(ErrorCode.INVALID_ANSWER,
                    "Invalid answer: unknown question_id"));
        }
        return withActiveAttempt(attemptId, true, (attempt, test) -> questions.findOpen(attemptId).chain(open -> {
            if (open == null || !open.id.equals(id.get())) {
                return Uni.createFrom().failure(new AssessmentException(ErrorCode.INVALID_ANSWER,
                        "Invalid answer: " + questionId + " is not the current question"));
            }
            AnswerOption correct = AnswerOption.valueOf(open.correctOption);
            boolean isCorrect = correct == selected.get();
            open.selectedOption = selected.get().name();
            open.isCorrect = isCorrect;
            open.answeredAt = clock.instant();
            attempt.answeredQuestions++;
            if (isCorrect) {
                attempt.correctAnswers++;
            }
            attempt.currentDifficulty = (short) test.clampDifficulty(attempt.currentDifficulty + (isCorrect ? 1 : -1));
            return Uni.createFrom().item(new Answered(attemptId, open.wireId(), isCorrect, selected.get(), correct,
                    new Progress(attempt.answeredQuestions, test.totalQuestions())));
        }));
    }

    public Uni<Progress> progress(long attemptId) {
        return Panache.withSession(() -> attempts.findById(attemptId)
                .onItem().ifNull().failWith(() -> new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                        "No assessment in progress"))
                .chain(attempt -> testOf(attempt).chain(test -> progressOf(attempt, test))));
    }

    private Uni<Progress> progressOf(Attempt attempt, TestDefinition test) {
        return Uni.createFrom().item(new Progress(attempt.answeredQuestions, test.totalQuestions()));
    }

    /** Ends the attempt and returns its result; completing an ended attempt returns the same result again. */
    public Uni<Result> complete(long attemptId) {
        return Panache.withTransaction(() -> attempts.findById(attemptId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                        "No assessment to complete"))
                .chain(attempt -> testOf(attempt).chain(test -> {
                    if (!attempt.inProgress()) {
                        return Uni.createFrom().item(Result.of(attempt, test));
                    }
                    Instant now = clock.instant();
                    boolean overdue = attempt.isOverdue(now);
                    attempt.end(overdue ? AttemptStatus.EXPIRED : AttemptStatus.COMPLETED, test.totalQuestions(),
                            overdue ? attempt.deadlineAt : now);
                    Result result = Result.of(attempt, test);
                    return events.attemptEnded(result.event()).replaceWith(result);
                })));
    }

    /** Ends every attempt past its time limit; returns how many. */
    public Uni<Integer> expireOverdue(int batch) {
        return Panache.withTransaction(() -> attempts.findOverdue(clock.instant(), batch)
                .chain(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(attempt -> testOf(attempt).map(test -> {
                            attempt.end(AttemptStatus.EXPIRED, test.totalQuestions(), attempt.deadlineAt);
                            return Result.of(attempt, test);
                        }))
                        .collect().asList())
                .call(results -> publishAll(results)))
                .map(List::size);
    }

    /** One after the other: a session runs one query at a time. */
    private Uni<Void> publishAll(List<Result> results) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Result result : results) {
            chain = chain.chain(() -> events.attemptEnded(result.event()));
        }
        return chain;
    }

    /** The unanswered question on screen, for the chat assistant's context (never its answer). */
    public Uni<Optional<ShownQuestion>> questionOnScreen(long attemptId) {
        return Panache.withSession(() -> questions.findOpen(attemptId))
                .map(open -> Optional.ofNullable(open).map(ShownQuestion::of));
    }

    /**
     * Runs {@code work} on an attempt that is still in progress. An attempt past its deadline is ended (committed,
     * with its event) and the caller gets SESSION_EXPIRED.
     */
    private <T> Uni<T> withActiveAttempt(long attemptId, boolean lock,
            BiFunction<Attempt, TestDefinition, Uni<T>> work) {
        return Panache.withTransaction(() -> (lock ? attempts.findById(attemptId, LockModeType.PESSIMISTIC_WRITE)
                : attempts.findById(attemptId))
                .onItem().ifNull().failWith(() -> new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                        "No assessment in progress; send start_assessment"))
                .chain(attempt -> testOf(attempt).chain(test -> {
                    if (attempt.status == AttemptStatus.EXPIRED) {
                        return Uni.createFrom().failure(expired());
                    }
                    if (attempt.status == AttemptStatus.COMPLETED) {
                        return Uni.createFrom().failure(new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                                "Assessment already completed"));
                    }
                    if (attempt.isOverdue(clock.instant())) {
                        attempt.end(AttemptStatus.EXPIRED, test.totalQuestions(), attempt.deadlineAt);
                        return events.attemptEnded(Result.of(attempt, test).event())
                                .replaceWith(new Guarded<T>(null, true));
                    }
                    return work.apply(attempt, test).map(value -> new Guarded<T>(value, false));
                })))
                // the expiry commits (with its event) before the caller hears of it
                .chain(guarded -> guarded.expired() ? Uni.createFrom().failure(expired())
                        : Uni.createFrom().item(guarded.value()));
    }

    private record Guarded<T>(T value, boolean expired) {
    }

    private static AssessmentException expired() {
        return new AssessmentException(ErrorCode.SESSION_EXPIRED, "Session expired: the time limit has passed");
    }

    static Optional<Long> parseQuestionId(String wireId) {
        if (wireId == null || !wireId.startsWith(AttemptQuestion.WIRE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(wireId.substring(AttemptQuestion.WIRE_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
