package io.realtime.protocol.codec;

import io.realtime.protocol.error.ProtocolError;

/**
 * Outcome of decoding one client frame: the typed message, or the error the endpoint answers with.
 * {@code type} on a failure is the frame's {@code type} when it could be read, so the reply can name it.
 */
public sealed interface DecodeResult<T> {

    /** {@code type}: the frame's type, one of the decoder's known names. */
    record Success<T>(T message, String type) implements DecodeResult<T> {
    }

    record Failure<T>(ProtocolError error, String type) implements DecodeResult<T> {
    }
}
