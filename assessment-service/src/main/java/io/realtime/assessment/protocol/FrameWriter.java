package io.realtime.assessment.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.protocol.codec.FrameEncoder;
import io.realtime.protocol.wire.DataEnvelope;

/** Serialises server messages into the guide's {@code {"type", "data"}} envelope. */
@ApplicationScoped
public class FrameWriter {

    private final ObjectMapper mapper;

    public FrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerMessage message) {
        return FrameEncoder.encode(mapper, DataEnvelope.of(message.type(), message));
    }
}
