package io.realtime.socketio.socket;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.socketio.engine.EngineRequest;

/**
 * What a client presented when it connected to a namespace: the CONNECT packet's {@code auth} payload (an empty
 * object when it sent none) and the HTTP request that opened its session.
 */
public record Handshake(JsonNode auth, EngineRequest request) {
}
