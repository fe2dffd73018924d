package io.realtime.docs.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's settings ({@code docs.*}). */
@ConfigMapping(prefix = "docs")
public interface DocsConfig {

    SocketIo socketio();

    Auth auth();

    /** Our Socket.IO server (socketio-server): the Engine.IO options the handshake announces, and the caps. */
    interface SocketIo {

        /** Where the server answers; the guide's client uses {@code path: '/socket.io'}. */
        @WithDefault("/socket.io/")
        String path();

        @WithDefault("25s")
        Duration pingInterval();

        @WithDefault("20s")
        Duration pingTimeout();

        /**
         * Largest polling POST body / websocket message, in bytes. {@code quarkus.websockets-next.server.max-frame-size}
         * and {@code max-message-size} must be at least this (application.properties).
         */
        @WithDefault("1000000")
        int maxPayload();

        /** A client that connects to no namespace within this is closed. */
        @WithDefault("45s")
        Duration connectTimeout();

        /** Origins allowed on polling requests ({@code *}: any). */
        @WithDefault("*")
        List<String> corsOrigins();
    }

    interface Auth {

        /**
         * Whether a Socket.IO client must present {@code auth: {token}} (true, the default). False (dev only) admits
         * clients without a token as anonymous; a token that is present must still be valid.
         */
        @WithDefault("true")
        boolean required();
    }
}
