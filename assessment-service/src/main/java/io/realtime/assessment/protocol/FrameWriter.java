package io.realtime.assessment.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtime.protocol.codec.FrameEncoder;
import io.realtime.protocol.wire.DataEnvelope;

/**
 * Serialises server messages into the guide's {@code {"type", "data"}} envelope. Error frames also carry the text
 * at the top level: the guide's class reads {@code data.error}, its React hook reads {@code message.error}.
 */
@ApplicationScoped
public class FrameWriter {

    @RegisterForReflection
    record ErrorFrame(String type, ServerMessage.Error data, String error) {
    }

    private final ObjectMapper mapper;

    public FrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerMessage message) {
        if (message instanceof ServerMessage.Error error) {
            return FrameEncoder.encode(mapper, new ErrorFrame(error.type(), error, error.error()));
        }
        return FrameEncoder.encode(mapper, DataEnvelope.of(message.type(), message));
    }
}
