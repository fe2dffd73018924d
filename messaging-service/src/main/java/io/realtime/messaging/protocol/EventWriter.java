package io.realtime.messaging.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

@ApplicationScoped
public class EventWriter {

    private final ObjectMapper mapper;

    public EventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ServerEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + event.type(), e);
        }
    }
}
