package io.realtime.docs.chat.domain;

import java.time.Instant;

/** A chat of a project; every member of the project may use it. */
public record Chat(long id, long projectId, String title, String createdBy, Instant createdAt) {
}
