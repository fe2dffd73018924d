package io.realtime.assessment.support;

import static io.realtime.assessment.support.QuizClient.TIMESTAMP;
import static io.realtime.assessment.support.QuizClient.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Shape checks for the guide's frames, shared by the tests. */
public final class FrameAssertions {

    private FrameAssertions() {
    }

    public static void assertError(JsonNode frame, String code) {
        assertThat(frame.get("type").asText()).isEqualTo("error");
        JsonNode data = frame.get("data");
        assertThat(fieldNames(data)).containsExactlyInAnyOrder("error", "code", "timestamp");
        assertThat(data.get("code").asText()).isEqualTo(code);
        assertThat(data.get("timestamp").asText()).matches(TIMESTAMP);
        assertThat(frame.get("error").asText()).isEqualTo(data.get("error").asText());
    }

    public static void assertQuestionShape(JsonNode question, long assessmentId) {
        assertThat(fieldNames(question)).containsExactlyInAnyOrder("question_id", "thread_id", "question");
        assertThat(question.get("question_id").asText()).matches("q_\\d+");
        assertThat(question.get("thread_id").asText()).isEqualTo(Long.toString(assessmentId));
        JsonNode body = question.get("question");
        assertThat(fieldNames(body)).containsExactlyInAnyOrder("text", "options", "difficulty", "skill",
                "time_limit");
        assertThat(body.get("options")).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode option = body.get("options").get(i);
            assertThat(fieldNames(option)).containsExactly("id", "text");
            assertThat(option.get("id").asText()).isEqualTo(String.valueOf("ABCD".charAt(i)));
        }
        assertThat(body.get("difficulty").asText()).isIn("easy", "medium", "hard");
        assertThat(body.get("time_limit").asInt()).isEqualTo(60);
    }

}
