package io.realtime.assessment.quiz.service;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.assessment.quiz.domain.TestDefinition;
import io.realtime.assessment.quiz.repository.AssessmentTestRepository;
import io.realtime.assessment.quiz.repository.BankQuestionRepository;
import io.realtime.kit.vertx.CallerContext;
import io.smallrye.mutiny.Uni;

/**
 * This instance's copies of test definitions, shared by every connection and attempt. Whoever changes a test or its
 * bank (any instance's instructor API, the demo seeder, SQL by hand), PostgreSQL raises the test's version (migration
 * V3); callers pass the version they read in the same statement as the attempt row, and a copy older than that is
 * loaded again. So a change is seen by the next transaction on every instance, with no invalidation messages to lose
 * and no extra query on the answer path. Concurrent misses for one test share one load.
 */
@ApplicationScoped
public class TestDefinitions {

    public static final String CACHE_NAME = "assessment.tests";

    private final AssessmentTestRepository tests;
    private final BankQuestionRepository bank;
    private final AsyncCache<Long, TestDefinition> cache;

    public TestDefinitions(AssessmentTestRepository tests, BankQuestionRepository bank, AssessmentConfig config,
            MeterRegistry registry) {
        this.tests = tests;
        this.bank = bank;
        this.cache = CaffeineCacheMetrics.monitor(registry, Caffeine.newBuilder()
                .maximumSize(config.testCache().maxTests())
                .expireAfterAccess(config.testCache().expireAfterAccess())
                .recordStats()
                .<Long, TestDefinition> buildAsync(), CACHE_NAME);
    }

    /**
     * The test as of {@code version} or later; null if there is no such test. Call inside a Hibernate session: a
     * miss is read through the caller's own session (a second connection could wait forever on a pool that callers
     * holding their sessions have drained), and callers missing the same test meanwhile wait for that one read.
     */
    public Uni<TestDefinition> at(long testId, long version) {
        CompletableFuture<TestDefinition> held = cache.get(testId, (id, executor) -> load(id)
                .subscribeAsCompletionStage());
        if (held.isDone() && !held.isCompletedExceptionally()) {
            return fresh(testId, version, held, held.join());
        }
        return CallerContext.resume(() -> held).chain(test -> fresh(testId, version, held, test));
    }

    private Uni<TestDefinition> fresh(long testId, long version, CompletableFuture<TestDefinition> held,
            TestDefinition test) {
        if (test == null || test.version() >= version) {
            return Uni.createFrom().item(test);
        }
        // changed since that copy was read: read it again here, after this caller saw the change (read committed)
        cache.asMap().remove(testId, held);
        return load(testId).invoke(loaded -> {
            if (loaded == null) {
                return;
            }
            if (loaded.version() < version) {
                throw new IllegalStateException("Test " + testId + " read at version " + loaded.version()
                        + " after version " + version + " was seen");
            }
            cache.put(testId, CompletableFuture.completedFuture(loaded));
        });
    }

    /**
     * The test row first, then its bank: a bank change committed in between makes the copy newer than its version
     * says (it is then read again once for nothing), where the other order could keep an old bank as current.
     */
    private Uni<TestDefinition> load(long testId) {
        return tests.findById(testId).chain(test -> test == null ? Uni.createFrom().<TestDefinition> nullItem()
                : bank.listForTest(testId).map(questions -> TestDefinition.of(test, questions)));
    }
}
