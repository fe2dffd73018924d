package io.realtime.docs.project.domain;

import java.time.Instant;

/** Someone who may see and work in a project. */
public record Member(String userId, String role, Instant addedAt) {
}
