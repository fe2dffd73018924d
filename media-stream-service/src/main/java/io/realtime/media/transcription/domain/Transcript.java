package io.realtime.media.transcription.domain;

/** A transcription's text and the engine that made it ({@code vosk} or {@code api}). */
public record Transcript(String text, String engine) {
}
