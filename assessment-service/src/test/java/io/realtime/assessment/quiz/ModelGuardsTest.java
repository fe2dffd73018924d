package io.realtime.assessment.quiz;

import static io.realtime.assessment.support.FrameAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.quiz.ai.ModelCalls;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.ai.OpenAiFake;
import io.realtime.infra.ai.OpenAiFakeResource;

/** Model calls are bounded: a call past its timeout is abandoned for good, and only so many run at once. */
@QuarkusTest
@TestProfile(ModelGuardsTest.SmallLimits.class)
class ModelGuardsTest {

    /** Short timeouts and a tiny bulkhead; the circuit breaker out of the way (its own test has its own). */
    public static class SmallLimits implements QuarkusTestProfile {

        private static final String CALLS = "quarkus.fault-tolerance.\"" + ModelCalls.class.getName() + "/";

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiFakeResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessment.question.generation-attempts", "3",
                    CALLS + "writeQuestion\".timeout.value", "1000",
                    CALLS + "writeQuestion\".circuit-breaker.enabled", "false",
                    CALLS + "tutorReply\".timeout.value", "8000",
                    CALLS + "tutorReply\".bulkhead.value", "2",
                    CALLS + "tutorReply\".bulkhead.waiting-task-queue", "1",
                    CALLS + "tutorReply\".circuit-breaker.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void resetModel() {
        OpenAiFake.reset();
    }

    @Test
    void aModelSlowerThanTheTimeoutIsAbandonedAndNotCalledAgainAfterTheError() throws Exception {
        OpenAiFake.answerAfter(ModelQuestionsTest.question("Which letter comes second?", "B"), 4000);
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5101")) {
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
            assertError(client.expectFrame("error"), "QUESTION_ERROR"); // three tries of one second each
            int calls = OpenAiFake.requestBodies().size();
            assertThat(calls).isEqualTo(3);
            Thread.sleep(5000); // longer than the model takes to answer: nobody is still waiting to retry
            assertThat(OpenAiFake.requestBodies()).hasSize(calls);
            client.send("heartbeat");
            client.expect("pong");
        }
    }

    @Test
    void beyondTheBulkheadChatRequestsAreAnsweredAtOnceWithoutReachingTheModel() {
        OpenAiFake.answerAfter("Take your time and read each option.", 3000);
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        List<QuizClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                clients.add(QuizClient.authenticated(base, testId, Integer.toString(5110 + i)));
            }
            clients.forEach(client -> client.send("chat_message", Map.of("message", "any tips?")));
            List<String> replies = new ArrayList<>();
            for (QuizClient client : clients) {
                replies.add(client.expect("system_message").get("message").asText());
            }
            // two run, one waits, three are refused by the bulkhead
            assertThat(replies).filteredOn(ModelCalls.TUTOR_UNAVAILABLE::equals).hasSize(3);
            assertThat(replies).filteredOn("Take your time and read each option."::equals).hasSize(3);
            assertThat(OpenAiFake.requestBodies()).hasSize(3);
        } finally {
            clients.forEach(QuizClient::close);
        }
    }
}
