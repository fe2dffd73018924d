package io.realtime.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ProjectEventTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachKindTravelsWithItsNameAndComesBackAsItself() throws Exception {
        ProjectEvent status = new DocumentStatusEvent(DocumentStatusEvent.CURRENT_VERSION, "e1", 7, 11,
                DocumentStatusEvent.FAILED, 40, "The PDF is encrypted", 1, null, "2026-01-01T00:00:00.000Z");
        ProjectEvent update = new ProjectUpdateEvent(ProjectUpdateEvent.CURRENT_VERSION, "e2", 7,
                ProjectUpdateEvent.DOCUMENT_ADDED, Map.of("document_id", 11, "filename", "a.pdf"),
                "2026-01-01T00:00:00.000Z");

        String statusJson = json.writeValueAsString(status);
        assertThat(json.readTree(statusJson).get("event").asText()).isEqualTo("document_status");
        assertThat(json.readValue(statusJson, ProjectEvent.class)).isEqualTo(status);

        String updateJson = json.writeValueAsString(update);
        assertThat(json.readTree(updateJson).get("event").asText()).isEqualTo("project_update");
        ProjectUpdateEvent back = (ProjectUpdateEvent) json.readValue(updateJson, ProjectEvent.class);
        assertThat(back.data()).containsEntry("filename", "a.pdf").containsEntry("document_id", 11);
    }

    @Test
    void aDocumentsEventsAreOrderedByAttemptThenEndThenProgress() {
        assertThat(status(1, "processing", 35).order()).isLessThan(status(1, "processing", 90).order());
        assertThat(status(1, "processing", 90).order()).isLessThan(status(1, "completed", 100).order());
        assertThat(status(1, "processing", 90).order()).isLessThan(status(1, "failed", 25).order());
        assertThat(status(1, "failed", 25).order()).isLessThan(status(2, "processing", 5).order());
        assertThat(status(0, "processing", 0).order()).isLessThan(status(1, "processing", 5).order());
    }

    private static DocumentStatusEvent status(int attempt, String status, int progress) {
        return new DocumentStatusEvent(1, "e", 1, 1, status, progress, null, attempt, null, "t");
    }
}
