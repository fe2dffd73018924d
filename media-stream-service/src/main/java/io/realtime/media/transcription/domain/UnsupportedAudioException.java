package io.realtime.media.transcription.domain;

/** Audio this service cannot read in the current mode; the message is the client's {@code transcription_error}. */
public class UnsupportedAudioException extends RuntimeException {

    public UnsupportedAudioException(String message) {
        super(message);
    }
}
