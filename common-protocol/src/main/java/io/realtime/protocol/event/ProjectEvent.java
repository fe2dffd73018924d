package io.realtime.protocol.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What happened in a project of project-docs-service, on topic {@link #TOPIC} keyed by project id (so one project's
 * events keep their order). Every instance consumes every event (its own consumer group), delivers it to the
 * Socket.IO room {@code project_{projectId}} of its own clients and keeps its retrieval index current. The JSON
 * carries the kind in {@code event} ({@code document_status} or {@code project_update}); a consumer skips kinds and
 * versions it does not understand. Delivered at least once: {@code eventId} identifies an event.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DocumentStatusEvent.class, name = DocumentStatusEvent.KIND),
        @JsonSubTypes.Type(value = ProjectUpdateEvent.class, name = ProjectUpdateEvent.KIND) })
public sealed interface ProjectEvent extends VersionedEvent permits DocumentStatusEvent, ProjectUpdateEvent {

    String TOPIC = "docs.project-events";

    String eventId();

    long projectId();
}
