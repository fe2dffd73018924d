package io.realtime.gateway.routing;

import java.util.Optional;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * An Engine.IO request (the transport under Socket.IO), told by its {@code EIO} query parameter: either it carries
 * the {@code sid} of a session an instance holds, or it is a polling handshake that opens one (the session's id is
 * then in the answer). A websocket handshake without {@code sid} opens a session that never sends another request.
 */
record EngineIoRequest(Optional<String> sid, boolean opensPollingSession) {

    static Optional<EngineIoRequest> of(HttpServerRequest request) {
        MultiMap query;
        try {
            query = request.params();
        } catch (IllegalArgumentException undecodable) {
            return Optional.empty(); // forwarded as it is, for the service to answer
        }
        if (query.get("EIO") == null) {
            return Optional.empty();
        }
        Optional<String> sid = Optional.ofNullable(query.get("sid")).filter(value -> !value.isEmpty());
        boolean opens = sid.isEmpty() && request.method() == HttpMethod.GET && "polling".equals(query.get("transport"));
        return Optional.of(new EngineIoRequest(sid, opens));
    }
}
