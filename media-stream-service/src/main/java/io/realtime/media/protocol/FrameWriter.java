package io.realtime.media.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.protocol.codec.FrameEncoder;

/** Serialises server frames as the guide's flat objects. */
@ApplicationScoped
public class FrameWriter {

    private final ObjectMapper mapper;

    public FrameWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerFrame frame) {
        return FrameEncoder.encode(mapper, frame);
    }
}
