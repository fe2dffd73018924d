package io.realtime.assessment.quiz.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.NodeScripts;
import io.realtime.infra.token.DevTokens;

/**
 * The guide's own client logic (src/test/js/guide-client.js: the AssessmentWebSocket class and the React hook's
 * message handling) on Node's {@code ws}, a real third-party WebSocket client, running whole quizzes.
 */
@QuarkusTest
class GuideClientTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void installClient() {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run the guide's client");
        NodeScripts.install(CLIENT_DIR);
    }

    @Test
    void wholeQuizRunsUnchanged() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(4), 3);
        JsonNode summary = quiz(testId, "7001", -1);

        assertThat(summary.get("errors")).isEmpty();
        assertThat(summary.get("completed").asBoolean()).isTrue();
        List<String> frames = strings(summary.get("frames"));
        assertThat(frames).startsWith("auth_success", "assessment_started", "question", "answer_feedback",
                "progress_update", "question");
        assertThat(frames).endsWith("assessment_completed");
        assertThat(frames.stream().filter("answer_feedback"::equals).count()).isEqualTo(4);
        assertThat(frames.stream().filter("progress_update"::equals).count()).isEqualTo(4);
        assertThat(strings(summary.get("answered"))).hasSize(4).doesNotHaveDuplicates();
        assertThat(summary.get("finalScore").asDouble()).isEqualTo(storedScore(testId, "7001"));
    }

    @Test
    void connectionLostMidQuizRecoversAndFinishes() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(4), 3);
        JsonNode summary = quiz(testId, "7002", 2);

        assertThat(summary.get("errors")).isEmpty();
        assertThat(summary.get("reconnects").asInt()).isEqualTo(1);
        assertThat(strings(summary.get("frames"))).contains("assessment_recovered").endsWith("assessment_completed");
        assertThat(strings(summary.get("answered"))).hasSize(4).doesNotHaveDuplicates();
        assertThat(summary.get("finalScore").asDouble()).isEqualTo(storedScore(testId, "7002"));
    }

    private JsonNode quiz(long testId, String userId, int disconnectAfter) throws Exception {
        String ws = base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "");
        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "guide-client.js", ws, DevTokens.token(userId),
                Long.toString(testId), Integer.toString(disconnectAfter)), Duration.ofSeconds(90));
        return QuizClient.JSON.readTree(NodeScripts.lastLine(output));
    }

    private static double storedScore(long testId, String userId) {
        return ((Number) QuizFixtures.row("SELECT final_score FROM attempt WHERE test_id = ? AND user_id = ? "
                + "AND status = 'COMPLETED'", testId, userId).get("final_score")).doubleValue();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
