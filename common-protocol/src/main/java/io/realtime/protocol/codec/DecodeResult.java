package io.realtime.protocol.codec;

import io.realtime.protocol.error.ProtocolError;

/**
 * Outcome of decoding one client frame: the typed message, or the error the endpoint answers with.
 * {@code type} on a failure is the frame's {@code type} when it could be read, so the reply can name it.
 */
public sealed interface DecodeResult<T> {

    record Success<T>(T message) implements DecodeResult<T> {
    }

    record Failure<T>(ProtocolError error, String type) implements DecodeResult<T> {
    }
}
