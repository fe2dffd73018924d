package io.realtime.assessment.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.support.QuizClient;

/** Phase 2, on a freshly started service: the candidate reconnects and carries on where they were. */
@QuarkusTest
@TestProfile(RestartProfiles.Phase2AfterRestart.class)
class RecoveryAcrossRestartPhase2Test {

    @TestHTTPResource("/")
    URI base;

    @Test
    void reconnectAfterRestartRecoversProgressAndQuestion() {
        String testId = System.getProperty(RestartProfiles.TEST_ID);
        assumeTrue(testId != null, "phase 1 runs first in the same JVM (whole-module test run)");
        long assessmentId = Long.parseLong(System.getProperty(RestartProfiles.ASSESSMENT_ID));

        try (QuizClient client = QuizClient.authenticated(base, Long.parseLong(testId), "3101")) {
            client.send("start_assessment", Map.of("test_id", Long.parseLong(testId)));
            RecoveryTest.assertRecovered(client.expect("assessment_recovered"), assessmentId, 2, 4);
            client.send("get_question");
            assertThat(client.expect("question").get("question_id").asText())
                    .isEqualTo(System.getProperty(RestartProfiles.PENDING_QUESTION));
        }
    }
}
