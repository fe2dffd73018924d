package io.realtime.assessment.recovery;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;

/** Phase 1: a candidate answers two of four questions and sees the third; then the service stops. */
@QuarkusTest
@TestProfile(RestartProfiles.Phase1BeforeRestart.class)
class RecoveryAcrossRestartPhase1Test {

    @TestHTTPResource("/")
    URI base;

    @Test
    void answerTwoQuestionsThenLoseTheService() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(4), 3);
        try (QuizClient client = QuizClient.authenticated(base, testId, "3101")) {
            client.send("start_assessment", Map.of("test_id", testId));
            long assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            String question = client.expect("question").get("question_id").asText();
            for (int i = 0; i < 2; i++) {
                client.send("submit_answer", Map.of("question_id", question, "selected_option", "C"));
                client.expect("answer_feedback");
                client.expect("progress_update");
                question = client.expect("question").get("question_id").asText();
            }
            System.setProperty(RestartProfiles.TEST_ID, Long.toString(testId));
            System.setProperty(RestartProfiles.ASSESSMENT_ID, Long.toString(assessmentId));
            System.setProperty(RestartProfiles.PENDING_QUESTION, question);
        }
    }
}
