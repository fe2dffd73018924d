package io.realtime.media.stream.service;

import io.realtime.protocol.error.ErrorCode;

/** A frame the service refuses; {@code getMessage()} is the {@code error} frame's text, {@code code} its code. */
public class FrameException extends RuntimeException {

    private final ErrorCode code;

    public FrameException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
