package io.realtime.media.transcription.domain;

/**
 * Audio as a client sent it: the decoded bytes and what the frame declared about them ({@code format},
 * {@code sample_rate}, {@code channels}; any may be null).
 */
public record AudioInput(byte[] bytes, String format, Integer sampleRate, Integer channels) {
}
