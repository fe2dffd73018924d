package io.realtime.gateway.routing;

import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import io.vertx.core.http.HttpServer;

/** Ports on 127.0.0.1 for the services the tests start, and one where nothing listens. */
final class LocalPorts {

    private LocalPorts() {
    }

    /** Starts {@code server} on a free port of 127.0.0.1 and returns the port. */
    static int listen(HttpServer server) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nothing listens on (nothing the tests start will take it: they ask for port 0). */
    static int unused() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
