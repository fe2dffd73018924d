package io.realtime.docs.project.domain;

import java.time.Instant;

/** A project as its members see it; {@code role} is the caller's ({@code owner} or {@code member}). */
public record Project(long id, String name, String description, String ownerId, Instant createdAt, String role) {
}
