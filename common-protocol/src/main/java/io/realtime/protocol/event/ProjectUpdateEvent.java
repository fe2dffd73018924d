package io.realtime.protocol.event;

import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Something in a project changed (topic {@link ProjectEvent#TOPIC}): the guide's {@code project_update}
 * {@code {type, data}}, e.g. {@code document_added} with {@code {document_id, filename}} or {@code document_deleted}
 * with {@code {document_id}}. {@code data} is delivered to clients as it is (snake_case keys, as the guide shows).
 */
@RegisterForReflection
public record ProjectUpdateEvent(
        int schemaVersion,
        String eventId,
        long projectId,
        String type,
        Map<String, Object> data,
        String occurredAt) implements ProjectEvent {

    public static final int CURRENT_VERSION = 1;
    public static final String KIND = "project_update";

    public static final String DOCUMENT_ADDED = "document_added";
    public static final String DOCUMENT_DELETED = "document_deleted";
}
