package io.realtime.assessment.quiz.endpoint;

import static io.realtime.assessment.support.FrameAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.test.KafkaProbe;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.protocol.wire.WireTime;

@QuarkusTest
class AssessmentConnectionTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void unknownTestIsRefusedWithTestNotFoundThen4004() {
        for (String testId : new String[] { "987654321", "not-a-number" }) {
            try (QuizClient client = QuizClient.connectWithToken(base, testId, DevTokens.token("2001"))) {
                JsonNode error = client.expectFrame("error");
                assertError(error, "TEST_NOT_FOUND");
                assertThat(error.get("data").get("error").asText()).contains("Test not found");
                TestSocket.Close close = client.awaitClose();
                assertThat(close.code()).isEqualTo(4004);
            }
        }
    }

    @Test
    void restrictedTestIsRefusedWithAccessDeniedUntilGranted() {
        long testId = QuizFixtures.createTest(new QuizFixtures.TestSpec(2, 30, false, 2), 1);
        try (QuizClient client = QuizClient.connect(base, testId, "2002")) {
            JsonNode error = client.expectFrame("error");
            assertError(error, "ACCESS_DENIED");
            assertThat(error.get("data").get("error").asText()).contains("Access denied");
            assertThat(client.awaitClose().code()).isEqualTo(4003);
        }
        QuizFixtures.execute("INSERT INTO test_access (test_id, user_id, granted_by) VALUES (?, '2002', 'x')",
                testId);
        try (QuizClient client = QuizClient.connect(base, testId, "2002")) {
            assertThat(client.expect("auth_success").get("user_id").asLong()).isEqualTo(2002);
        }
    }

    @Test
    void aNewConnectionClosesTheUsersOlderOne() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient first = QuizClient.authenticated(base, testId, "2003");
                QuizClient second = QuizClient.authenticated(base, testId, "2003")) {
            TestSocket.Close close = first.awaitClose();
            assertThat(close.code()).isEqualTo(4009);
            assertThat(close.reason()).isEqualTo("Replaced by a new connection");
            second.send("heartbeat");
            second.expect("pong");
            assertThat(second.isClosed()).isFalse();
        }
        // announced to the other instances
        assertThat(KafkaProbe.find("assessment.session-takeovers",
                record -> record.value().contains("\"userId\":\"2003\""), Duration.ofSeconds(20))).isPresent();
    }

    @Test
    void otherUsersAreNotAffectedByATakeover() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient alice = QuizClient.authenticated(base, testId, "2004");
                QuizClient bob = QuizClient.authenticated(base, testId, "2005")) {
            alice.send("heartbeat");
            alice.expect("pong");
            bob.send("heartbeat");
            bob.expect("pong");
        }
    }

    @Test
    void aTakeoverAnnouncedByAnotherInstanceClosesTheLocalConnection() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient local = QuizClient.authenticated(base, testId, "2006")) {
            // what another instance publishes when user 2006 connects there: a later number from the sequence,
            // with a clock an hour behind ours (clocks do not decide)
            publishTakeover("2006", nextConnectionOrder(), Instant.now().minusSeconds(3600));
            TestSocket.Close close = local.awaitClose();
            assertThat(close.code()).isEqualTo(4009);
        }
    }

    @Test
    void aTakeoverOfAnOlderConnectionElsewhereDoesNotCloseANewerOne() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        long elsewhere = nextConnectionOrder(); // the other instance drew its number first...
        try (QuizClient local = QuizClient.authenticated(base, testId, "2007")) {
            // ...but its announcement arrives after ours, stamped with a clock an hour ahead of ours
            publishTakeover("2007", elsewhere, Instant.now().plusSeconds(3600));
            local.expectSilence(Duration.ofSeconds(2));
            local.send("heartbeat");
            local.expect("pong");
        }
    }

    @Test
    void ourOwnAnnouncementCarriesTheConnectionsOrderNumberKeyedByUser() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        long before = nextConnectionOrder();
        try (QuizClient client = QuizClient.authenticated(base, testId, "2010")) {
            var record = KafkaProbe.find("assessment.session-takeovers",
                    r -> r.value().contains("\"userId\":\"2010\""), Duration.ofSeconds(20)).orElseThrow();
            assertThat(record.key()).isEqualTo("2010");
            JsonNode event = QuizClient.JSON.readTree(record.value());
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(2);
            assertThat(event.get("connectionOrder").asLong()).isGreaterThan(before);
        }
    }

    private static long nextConnectionOrder() {
        return ((Number) QuizFixtures.row("select nextval('connection_order') as n").get("n")).longValue();
    }

    private static void publishTakeover(String userId, long order, Instant occurredAt) {
        KafkaProbe.publish("assessment.session-takeovers", userId, "{\"schemaVersion\":2,"
                + "\"service\":\"assessment\",\"userId\":\"" + userId + "\",\"connectionId\":\"elsewhere\","
                + "\"connectionOrder\":" + order + ",\"instanceId\":\"another-instance\",\"occurredAt\":\""
                + WireTime.format(occurredAt) + "\"}");
    }

    @Test
    void badInputGetsAnErrorFrameAndTheConnectionLives() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient client = QuizClient.authenticated(base, testId, "2008")) {
            client.sendRaw("{not json");
            assertError(client.expectFrame("error"), "INVALID_JSON");
            client.sendRaw("{\"type\":\"launch_missiles\",\"data\":{}}");
            JsonNode unknown = client.expectFrame("error");
            assertError(unknown, "UNKNOWN_MESSAGE_TYPE");
            assertThat(unknown.get("data").get("error").asText()).contains("launch_missiles");
            client.sendRaw("{\"type\":\"submit_answer\"}");
            JsonNode missing = client.expectFrame("error");
            assertError(missing, "VALIDATION_ERROR");
            assertThat(missing.get("data").get("error").asText()).contains("question_id");
            client.sendRaw("{\"type\":\"chat_message\",\"data\":\"hello\"}");
            assertError(client.expectFrame("error"), "VALIDATION_ERROR");
            client.sendRaw("{\"data\":{}}");
            assertError(client.expectFrame("error"), "VALIDATION_ERROR");
            client.sendRaw("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            assertError(client.expectFrame("error"), "MESSAGE_TOO_LARGE");
            client.sendRaw("{\"type\":\"chat_message\",\"data\":{\"message\":\"a\\u0000b\"}}");
            JsonNode nul = client.expectFrame("error");
            assertError(nul, "VALIDATION_ERROR");
            assertThat(nul.get("data").get("error").asText()).contains("message").contains("NUL");
            client.sendRaw("{\"type\":\"submit_answer\",\"data\":{\"question_id\":\"\\udc00\","
                    + "\"selected_option\":\"A\"}}");
            assertError(client.expectFrame("error"), "VALIDATION_ERROR");
            client.sendBinary(new byte[] { 0x7b, 0x7d });
            JsonNode binary = client.expectFrame("error");
            assertError(binary, "VALIDATION_ERROR");
            assertThat(binary.get("data").get("error").asText()).contains("Binary frames are not supported");

            client.send("heartbeat");
            client.expect("pong");
            client.send("start_assessment", Map.of("test_id", testId));
            client.expect("assessment_started");
        }
    }

    @Test
    void aFrameOverTheSizeLimitClosesWith1009() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient client = QuizClient.authenticated(base, testId, "2009")) {
            client.sendRaw("{\"type\":\"heartbeat\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        try (QuizClient again = QuizClient.authenticated(base, testId, "2009")) {
            again.send("heartbeat");
            again.expect("pong");
        }
    }
}
