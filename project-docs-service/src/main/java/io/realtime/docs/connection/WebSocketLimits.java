package io.realtime.docs.connection;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.realtime.docs.config.DocsConfig;
import io.vertx.core.http.HttpServerOptions;

/**
 * Our Socket.IO websockets are a raw {@code toWebSocket()} route on the Quarkus HTTP server, so they get the server's
 * websocket limits (Vert.x defaults: 64 KiB frame, 256 KiB message), not websockets-next's
 * {@code quarkus.websockets-next.server.max-frame-size}/{@code max-message-size}, which only websockets-next
 * endpoints use (SocketIoMountTest showed a 900 kB message stalling with them set). Here both limits are raised to
 * at least {@code docs.socketio.max-payload}, so a message up to maxPayload passes and a bigger one is closed 1009.
 */
@Singleton
public class WebSocketLimits implements HttpServerOptionsCustomizer {

    private final DocsConfig config;

    public WebSocketLimits(DocsConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        raise(options);
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        raise(options);
    }

    private void raise(HttpServerOptions options) {
        int maxPayload = config.socketio().maxPayload();
        options.setMaxWebSocketFrameSize(Math.max(options.getMaxWebSocketFrameSize(), maxPayload));
        options.setMaxWebSocketMessageSize(Math.max(options.getMaxWebSocketMessageSize(), maxPayload));
    }
}
