package io.realtime.socketio.socket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Thrown (or completed exceptionally) by a {@link Middleware} to refuse a connection: the client gets
 * {@code CONNECT_ERROR} with {@code {"message": message, "data": data}} ({@code data} left out when null), which
 * {@code socket.io-client} hands to {@code connect_error} as an {@code Error} with that message and {@code data}.
 */
public class ConnectRefused extends RuntimeException {

    private final transient JsonNode data;

    public ConnectRefused(String message) {
        this(message, null);
    }

    public ConnectRefused(String message, JsonNode data) {
        super(message, null, false, false);
        this.data = data;
    }

    public JsonNode data() {
        return data;
    }
}
