package io.realtime.socketio.engine;

import java.time.Instant;
import java.util.Map;

import io.vertx.core.MultiMap;

/**
 * The HTTP request that opened a session (the first polling GET, or the websocket handshake): what a higher layer
 * may look at to admit a client (headers, query, address). A copy: it outlives the request.
 */
public record EngineRequest(String uri, Map<String, String> query, MultiMap headers, String remoteAddress,
        boolean secure, Instant at) {
}
