package io.realtime.messaging.protocol;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.protocol.codec.FrameEncoder;

/** Serialises server events as the guide's flat objects. */
@Singleton
public class EventWriter {

    private final ObjectMapper mapper;

    public EventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerEvent event) {
        return FrameEncoder.encode(mapper, event);
    }
}
