package io.realtime.protocol.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns an outgoing frame record into its JSON text. Our own records always serialise; a failure is a bug. */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    public static String encode(ObjectMapper mapper, Object frame) {
        try {
            return mapper.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + frame.getClass().getSimpleName(), e);
        }
    }
}
