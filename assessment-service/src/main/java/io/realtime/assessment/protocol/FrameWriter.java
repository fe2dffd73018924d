package io.realtime.assessment.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.protocol.wire.DataEnvelope;

/** Serialises server messages into the guide's envelope. */
@ApplicationScoped
public class FrameWriter {

    private final ObjectMapper mapper;

    public FrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerMessage message) {
        try {
            return mapper.writeValueAsString(DataEnvelope.of(message.type(), message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + message.type(), e);
        }
    }
}
