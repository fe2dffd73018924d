package io.realtime.media.stream.domain;

import java.time.Instant;

/**
 * A session's state across every instance: its live connections ({@code connectedSince}: the oldest one's start,
 * null when none) and its counters since its first connection.
 */
public record SessionStatus(
        String sessionId,
        int connections,
        Instant connectedSince,
        Instant firstConnectedAt,
        Instant lastActivityAt,
        long chatMessages,
        long audioChunks,
        long audioBytes,
        double audioSeconds,
        long videoChunks,
        long videoBytes,
        long transcriptions) {
}
