package io.realtime.assessment.quiz.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.KafkaProbe;

/** assessment.completed goes through the transactional outbox: stored with the attempt's end, published after. */
@QuarkusTest
class CompletedEventOutboxTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void endingAnAttemptStoresItsEventWhichTheRelayPublishesAndMarksOnce() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        long assessmentId;
        try (QuizClient client = QuizClient.authenticated(base, testId, "7001")) {
            client.send("start_assessment", Map.of("test_id", testId));
            assessmentId = client.expect("assessment_started").get("assessment_id").asLong();
            client.expect("question");
            client.send("complete_assessment");
            client.expect("assessment_completed");
            client.send("complete_assessment"); // completing again publishes nothing new
            client.expect("assessment_completed");
        }
        String key = Long.toString(assessmentId);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuizFixtures.row(
                "select count(*) filter (where published_at is not null) as published from outbox_event"
                        + " where topic = 'assessment.completed' and record_key = ?", key).get("published")
                .equals(1L));
        assertThat(QuizFixtures.row("select count(*) as n from outbox_event where record_key = ?", key).get("n"))
                .isEqualTo(1L);
        JsonNode event = QuizClient.JSON.readTree(KafkaProbe.find("assessment.completed",
                record -> key.equals(record.key()), Duration.ofSeconds(20)).orElseThrow().value());
        assertThat(event.get("assessmentId").asLong()).isEqualTo(assessmentId);
        assertThat(event.get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anEventCommittedByAProcessThatDiedBeforePublishingIsPublishedAfterwards() {
        // what a process leaves behind when it dies between its commit and the publish
        QuizFixtures.execute("insert into outbox_event (topic, record_key, payload) values (?, ?, ?)",
                "assessment.completed", "990001", "{\"schemaVersion\":1,\"assessmentId\":990001,"
                        + "\"status\":\"COMPLETED\"}");
        assertThat(KafkaProbe.find("assessment.completed", record -> "990001".equals(record.key()),
                Duration.ofSeconds(20)).orElseThrow().value()).contains("\"assessmentId\":990001");
        await().atMost(Duration.ofSeconds(10)).until(() -> QuizFixtures.row(
                "select published_at from outbox_event where record_key = '990001'").get("published_at") != null);
    }
}
