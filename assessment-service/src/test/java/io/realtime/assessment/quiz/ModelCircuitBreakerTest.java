package io.realtime.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

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

/** A model that keeps failing is left alone for a while: the chat answers at once without calling it. */
@QuarkusTest
@TestProfile(ModelCircuitBreakerTest.QuickCircuit.class)
class ModelCircuitBreakerTest {

    public static class QuickCircuit implements QuarkusTestProfile {

        private static final String TUTOR = "quarkus.fault-tolerance.\"" + ModelCalls.class.getName()
                + "/tutorReply\".circuit-breaker.";

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiFakeResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TUTOR + "request-volume-threshold", "4", TUTOR + "failure-ratio", "0.5",
                    TUTOR + "delay", "600000");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void afterEnoughFailuresTheModelIsNotCalledAndTheChatStillAnswers() {
        OpenAiFake.reset();
        OpenAiFake.fail(503);
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 0);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5201")) {
            for (int i = 0; i < 4; i++) {
                client.send("chat_message", Map.of("message", "hello " + i));
                assertThat(client.expect("system_message").get("message").asText())
                        .isEqualTo(ModelCalls.TUTOR_UNAVAILABLE);
            }
            int callsWhileClosed = OpenAiFake.requestBodies().size();
            assertThat(callsWhileClosed).isGreaterThanOrEqualTo(4);
            for (int i = 0; i < 4; i++) {
                client.send("chat_message", Map.of("message", "again " + i));
                assertThat(client.expect("system_message").get("message").asText())
                        .isEqualTo(ModelCalls.TUTOR_UNAVAILABLE);
            }
            assertThat(OpenAiFake.requestBodies()).hasSize(callsWhileClosed); // the circuit is open
        }
    }
}
