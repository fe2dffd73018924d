package io.realtime.assessment.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;

@QuarkusTest
class ChatWithoutModelTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void withoutAModelChatSaysTheAssistantIsUnavailable() {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient client = QuizClient.authenticated(base, testId, "5101")) {
            client.send("chat_message", Map.of("message", "I need help understanding this question"));
            assertThat(client.expect("system_message").get("message").asText())
                    .contains("AI assistant is not available");
        }
    }
}
