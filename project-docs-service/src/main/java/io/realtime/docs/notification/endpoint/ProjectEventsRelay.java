package io.realtime.docs.notification.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.realtime.docs.connection.Rooms;
import io.realtime.docs.connection.SocketIo;
import io.realtime.docs.document.service.ProjectIndexes;
import io.realtime.protocol.event.DocumentStatusEvent;
import io.realtime.protocol.event.ProjectEvent;
import io.realtime.protocol.event.ProjectUpdateEvent;
import io.smallrye.mutiny.Uni;

/**
 * Every instance consumes every project event (topic {@link ProjectEvent#TOPIC}, its own consumer group, from the
 * latest offset) and, in the project's order: first brings its retrieval index up to date (so a client that saw
 * {@code completed} finds the document's chunks on this instance), then emits the guide's event to the Socket.IO room
 * {@code project_{id}} of its own clients: {@code document_status {document_id, project_id, status, progress,
 * error?}} and {@code project_update {type, data}}. Kinds and versions it does not know are skipped, and so is a
 * status that is older than one already delivered for its document ({@link StatusOrder}).
 */
@ApplicationScoped
public class ProjectEventsRelay {

    /** Documents whose last delivered status is remembered (for {@link StatusOrder}). */
    private static final int ORDER_MEMORY = 10_000;

    private final StatusOrder order = new StatusOrder(ORDER_MEMORY);
    private final SocketIo io;
    private final ProjectIndexes indexes;
    private final ObjectMapper json;

    public ProjectEventsRelay(SocketIo io, ProjectIndexes indexes, ObjectMapper json) {
        this.io = io;
        this.indexes = indexes;
        this.json = json;
    }

    @Incoming("project-events-in")
    public Uni<Void> onEvent(String payload) {
        ProjectEvent event;
        try {
            event = json.readValue(payload, ProjectEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Log.debugf("Project event skipped (unknown kind or unreadable: %s)", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
        if (!understood(event)) {
            return Uni.createFrom().voidItem();
        }
        return indexes.apply(event).invoke(() -> deliver(event));
    }

    private static boolean understood(ProjectEvent event) {
        if (event instanceof DocumentStatusEvent status) {
            return status.schemaVersion() <= DocumentStatusEvent.CURRENT_VERSION;
        }
        return event instanceof ProjectUpdateEvent update
                && update.schemaVersion() <= ProjectUpdateEvent.CURRENT_VERSION;
    }

    private void deliver(ProjectEvent event) {
        String room = Rooms.project(event.projectId());
        if (event instanceof DocumentStatusEvent status) {
            if (!order.advance(status)) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("document_id", status.documentId());
            data.put("project_id", status.projectId());
            data.put("status", status.status());
            data.put("progress", status.progress());
            if (status.error() != null) {
                data.put("error", status.error());
            }
            io.server().namespace("/").emitTo(room, "document_status", data);
        } else if (event instanceof ProjectUpdateEvent update) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("type", update.type());
            data.put("data", update.data() == null ? Map.of() : update.data());
            io.server().namespace("/").emitTo(room, "project_update", data);
        }
    }
}
