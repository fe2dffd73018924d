package io.realtime.assessment.recovery;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two profiles make Quarkus stop the service and start a new one between the two phases of the restart test, against
 * the same PostgreSQL. Quarkus runs profile groups in the order of their class names.
 */
public final class RestartProfiles {

    private RestartProfiles() {
    }

    public static class Phase1BeforeRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-test.phase", "1");
        }
    }

    public static class Phase2AfterRestart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-test.phase", "2");
        }
    }

    /** Carries phase 1's observations to phase 2 (system properties outlive the application's class loader). */
    static final String TEST_ID = "restart-test.test-id";
    static final String ASSESSMENT_ID = "restart-test.assessment-id";
    static final String PENDING_QUESTION = "restart-test.pending-question";
}
