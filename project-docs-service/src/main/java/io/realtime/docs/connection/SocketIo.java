package io.realtime.docs.connection;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.docs.config.DocsConfig;
import io.realtime.socketio.engine.EngineOptions;
import io.realtime.socketio.socket.SocketIoOptions;
import io.realtime.socketio.socket.SocketIoServer;
import io.vertx.core.Vertx;

/** The service's one Socket.IO server (delivery): built from {@code docs.socketio.*}, mounted by the endpoint. */
@ApplicationScoped
public class SocketIo {

    private final SocketIoServer server;

    public SocketIo(Vertx vertx, DocsConfig config, ObjectMapper mapper) {
        DocsConfig.SocketIo settings = config.socketio();
        EngineOptions engine = EngineOptions.defaults(settings.path())
                .withPing(settings.pingInterval(), settings.pingTimeout())
                .withMaxPayload(settings.maxPayload())
                .withCorsOrigins(settings.corsOrigins());
        this.server = new SocketIoServer(vertx, new SocketIoOptions(engine, settings.connectTimeout()), mapper);
    }

    public SocketIoServer server() {
        return server;
    }
}
