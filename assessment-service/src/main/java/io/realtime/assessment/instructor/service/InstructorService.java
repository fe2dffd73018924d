package io.realtime.assessment.instructor.service;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.realtime.assessment.instructor.domain.InstructorApi;
import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.AssessmentTest;
import io.realtime.assessment.quiz.domain.BankQuestion;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.domain.TestAccess;
import io.realtime.assessment.quiz.repository.AssessmentTestRepository;
import io.realtime.assessment.quiz.repository.AttemptRepository;
import io.realtime.assessment.quiz.repository.BankQuestionRepository;
import io.realtime.protocol.text.SafeText;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * What instructors do: define tests, fill their question banks, grant access, read results. The owner rule: a test
 * belongs to the instructor who created it; only its owner, or a caller with the {@code admin} role, may see it, add
 * questions, grant access or read its attempts. Anyone else gets 403.
 */
@ApplicationScoped
public class InstructorService {

    /** The longest text an instructor may store in one field (names, questions, options, descriptions). */
    static final int MAX_TEXT = 4000;

    private final AssessmentTestRepository tests;
    private final BankQuestionRepository bank;
    private final AttemptRepository attempts;

    public InstructorService(AssessmentTestRepository tests, BankQuestionRepository bank, AttemptRepository attempts) {
        this.tests = tests;
        this.bank = bank;
        this.attempts = attempts;
    }

    /** Who calls: the user id (the sockets' rule, {@code UserIds}) and whether they hold the {@code admin} role. */
    public record Caller(String userId, boolean admin) {

        boolean mayManage(AssessmentTest test) {
            return admin || userId.equals(test.createdBy);
        }
    }

    @WithTransaction
    public Uni<InstructorApi.TestView> create(InstructorApi.NewTest request, Caller caller) {
        if (request == null) {
            throw new InvalidRequestException("a JSON object body is required");
        }
        AssessmentTest test = new AssessmentTest();
        test.name = require(request.name(), "name");
        test.description = optional(request.description(), "description");
        test.skills = request.skills() == null ? new String[0]
                : request.skills().stream().map(skill -> require(skill, "skills[]")).toArray(String[]::new);
        test.totalQuestions = positive(request.totalQuestions(), "total_questions", 200);
        test.timeLimitMinutes = positive(request.timeLimitMinutes(), "time_limit_minutes", 24 * 60);
        test.questionTimeLimitSeconds = request.questionTimeLimitSeconds() == null ? 120
                : positive(request.questionTimeLimitSeconds(), "question_time_limit_seconds", 3600);
        test.minDifficulty = (short) difficulty(request.minDifficulty(), Difficulty.EASY).level();
        test.maxDifficulty = (short) difficulty(request.maxDifficulty(), Difficulty.HARD).level();
        test.initialDifficulty = (short) test.clampDifficulty(difficulty(request.initialDifficulty(),
                Difficulty.MEDIUM).level());
        if (test.minDifficulty > test.maxDifficulty) {
            throw new InvalidRequestException("min_difficulty is harder than max_difficulty");
        }
        test.openToAll = Boolean.TRUE.equals(request.openToAll());
        test.createdBy = caller.userId();
        return tests.persist(test).map(InstructorService::view);
    }

    /** The caller's own tests (an admin sees all). */
    @WithSession
    public Uni<List<InstructorApi.TestView>> list(Caller caller) {
        Uni<List<AssessmentTest>> found = caller.admin() ? tests.listAll()
                : tests.list("createdBy = ?1 order by id", caller.userId());
        return found.map(all -> all.stream().map(InstructorService::view).toList());
    }

    @WithTransaction
    public Uni<InstructorApi.BankQuestionView> addQuestion(long testId, InstructorApi.NewBankQuestion request,
            Caller caller) {
        if (request == null) {
            throw new InvalidRequestException("a JSON object body is required");
        }
        return managed(testId, caller).chain(test -> {
            BankQuestion question = new BankQuestion();
            question.testId = test.id;
            question.text = require(request.text(), "text");
            Map<String, String> options = request.options() == null ? Map.of() : request.options();
            question.optionA = require(options.get("A"), "options.A");
            question.optionB = require(options.get("B"), "options.B");
            question.optionC = require(options.get("C"), "options.C");
            question.optionD = require(options.get("D"), "options.D");
            question.correctOption = AnswerOption.parse(request.correctOption())
                    .orElseThrow(() -> new InvalidRequestException("correct_option must be one of A, B, C, D"))
                    .name();
            question.difficulty = (short) difficulty(request.difficulty(), Difficulty.MEDIUM).level();
            question.skill = request.skill() == null || request.skill().isBlank() ? test.skillFor(0)
                    : require(request.skill(), "skill");
            return bank.persist(question).map(InstructorService::view);
        });
    }

    @WithTransaction
    public Uni<Void> grant(long testId, String userId, Caller caller) {
        String user = require(userId, "user_id");
        return managed(testId, caller).chain(test -> tests.getSession()
                .chain(session -> session.find(TestAccess.class, new TestAccess.Key(testId, user))
                        .chain(found -> {
                            if (found != null) {
                                return Uni.createFrom().voidItem();
                            }
                            TestAccess access = new TestAccess();
                            access.id = new TestAccess.Key(testId, user);
                            access.grantedBy = caller.userId();
                            return session.persist(access);
                        })));
    }

    @WithSession
    public Uni<List<InstructorApi.AttemptView>> attempts(long testId, Caller caller) {
        return managed(testId, caller).chain(test -> attempts.listByTest(testId)).map(list -> list.stream()
                .map(a -> new InstructorApi.AttemptView(a.id, a.userId, a.status.name(),
                        a.finalScore == null ? null : a.finalScore.doubleValue(), a.correctAnswers,
                        a.answeredQuestions, WireTime.format(a.startedAt),
                        a.endedAt == null ? null : WireTime.format(a.endedAt)))
                .toList());
    }

    private Uni<AssessmentTest> managed(long testId, Caller caller) {
        return tests.findById(testId).onItem().ifNull().failWith(() -> new TestNotFoundException(testId))
                .invoke(test -> {
                    if (!caller.mayManage(test)) {
                        throw new NotYourTestException(testId);
                    }
                });
    }

    private static InstructorApi.TestView view(AssessmentTest test) {
        return new InstructorApi.TestView(test.id, test.name, test.description, Arrays.asList(test.skills),
                test.totalQuestions, Difficulty.ofLevel(test.minDifficulty).wireName(),
                Difficulty.ofLevel(test.maxDifficulty).wireName(),
                Difficulty.ofLevel(test.initialDifficulty).wireName(), test.timeLimitMinutes,
                test.questionTimeLimitSeconds, test.openToAll, test.createdBy);
    }

    private static InstructorApi.BankQuestionView view(BankQuestion question) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("A", question.optionA);
        options.put("B", question.optionB);
        options.put("C", question.optionC);
        options.put("D", question.optionD);
        return new InstructorApi.BankQuestionView(question.id, question.text, options, question.correctOption,
                Difficulty.ofLevel(question.difficulty).wireName(), question.skill);
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field + " is required");
        }
        return optional(value, field).trim();
    }

    /** Client text as PostgreSQL can store it exactly: at most {@value #MAX_TEXT} characters of safe text. */
    private static String optional(String value, String field) {
        if (value != null && (value.length() > MAX_TEXT || !SafeText.isSafe(value))) {
            throw new InvalidRequestException(field + " must be at most " + MAX_TEXT + " characters and "
                    + SafeText.RULE);
        }
        return value;
    }

    private static int positive(Integer value, String field, int max) {
        if (value == null || value < 1 || value > max) {
            throw new InvalidRequestException(field + " must be between 1 and " + max);
        }
        return value;
    }

    private static Difficulty difficulty(String value, Difficulty fallback) {
        if (value == null) {
            return fallback;
        }
        return Difficulty.ofWireName(value)
                .orElseThrow(() -> new InvalidRequestException("difficulty must be easy, medium or hard"));
    }

    public static class InvalidRequestException extends RuntimeException {
        public InvalidRequestException(String message) {
            super(message, null, false, false);
        }
    }

    public static class NotYourTestException extends RuntimeException {
        public NotYourTestException(long testId) {
            super("Test " + testId + " belongs to another instructor", null, false, false);
        }
    }

    public static class TestNotFoundException extends RuntimeException {
        public TestNotFoundException(long testId) {
            super("Test " + testId + " not found", null, false, false);
        }
    }
}
