package io.realtime.assessment.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.VertxContextSupport;
import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.AssessmentTest;
import io.realtime.assessment.quiz.domain.BankQuestion;
import io.realtime.assessment.quiz.domain.Difficulty;
import io.realtime.assessment.quiz.repository.AssessmentTestRepository;
import io.realtime.assessment.quiz.repository.BankQuestionRepository;
import io.smallrye.mutiny.Uni;

/** With {@code assessment.seed-demo=true} (the run command): a demo test open to all, with a real question bank. */
@ApplicationScoped
public class DemoSeeder {

    private static final String RESOURCE = "/demo/javascript-fundamentals.json";

    @RegisterForReflection
    record DemoTest(String name, String description, List<String> skills,
            @JsonProperty("total_questions") int totalQuestions,
            @JsonProperty("time_limit_minutes") int timeLimitMinutes,
            @JsonProperty("question_time_limit_seconds") int questionTimeLimitSeconds,
            List<DemoQuestion> questions) {
    }

    @RegisterForReflection
    record DemoQuestion(String text, Map<String, String> options,
            @JsonProperty("correct_option") String correctOption, String difficulty, String skill) {
    }

    private final AssessmentConfig config;
    private final AssessmentTestRepository tests;
    private final BankQuestionRepository bank;
    private final ObjectMapper mapper;

    public DemoSeeder(AssessmentConfig config, AssessmentTestRepository tests, BankQuestionRepository bank,
            ObjectMapper mapper) {
        this.config = config;
        this.tests = tests;
        this.bank = bank;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.seedDemo()) {
            return;
        }
        DemoTest demo;
        try (InputStream in = DemoSeeder.class.getResourceAsStream(RESOURCE)) {
            demo = mapper.readValue(in, DemoTest.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        Long id = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> seed(demo)));
        Log.infof("Demo test \"%s\" is test %d: ws://localhost:8000/ws/assessment/%d with a token from ./run token <user_id>",
                demo.name(), id, id);
    }

    private Uni<Long> seed(DemoTest demo) {
        return tests.find("name", demo.name()).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(existing.id);
            }
            AssessmentTest test = new AssessmentTest();
            test.name = demo.name();
            test.description = demo.description();
            test.skills = demo.skills().toArray(String[]::new);
            test.totalQuestions = demo.totalQuestions();
            test.timeLimitMinutes = demo.timeLimitMinutes();
            test.questionTimeLimitSeconds = demo.questionTimeLimitSeconds();
            test.openToAll = true;
            test.createdBy = "demo";
            return tests.persist(test).chain(saved -> bank.persist(demo.questions().stream()
                    .map(q -> toBank(saved.id, q)).toList()).replaceWith(saved.id));
        });
    }

    private static BankQuestion toBank(long testId, DemoQuestion q) {
        BankQuestion question = new BankQuestion();
        question.testId = testId;
        question.text = q.text();
        question.optionA = q.options().get("A");
        question.optionB = q.options().get("B");
        question.optionC = q.options().get("C");
        question.optionD = q.options().get("D");
        question.correctOption = AnswerOption.parse(q.correctOption()).orElseThrow().name();
        question.difficulty = (short) Difficulty.ofWireName(q.difficulty()).orElseThrow().level();
        question.skill = q.skill();
        return question;
    }
}
