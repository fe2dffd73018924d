package io.realtime.protocol.wire;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code {"type": ..., "data": {...}}} frame used by the protocols that wrap their payload in {@code data}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataEnvelope<T>(String type, T data) {

    public static <T> DataEnvelope<T> of(String type, T data) {
        return new DataEnvelope<>(type, data);
    }
}
