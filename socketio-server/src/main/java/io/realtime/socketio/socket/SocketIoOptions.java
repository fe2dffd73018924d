package io.realtime.socketio.socket;

import java.time.Duration;

import io.realtime.socketio.engine.EngineOptions;

/**
 * The Socket.IO server's settings: its Engine.IO endpoint's, and how long a client may stay without connecting to a
 * namespace before its session is closed (the reference server's {@code connectTimeout}, 45 s by default).
 */
public record SocketIoOptions(EngineOptions engine, Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(45);

    public static SocketIoOptions defaults() {
        return new SocketIoOptions(EngineOptions.defaults("/socket.io/"), DEFAULT_CONNECT_TIMEOUT);
    }
}
