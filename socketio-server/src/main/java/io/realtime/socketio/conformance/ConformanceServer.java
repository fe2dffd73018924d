package io.realtime.socketio.conformance;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.kit.socket.OutboundQueue;
import io.realtime.socketio.engine.EngineListener;
import io.realtime.socketio.engine.EngineOptions;
import io.realtime.socketio.engine.EngineServer;
import io.realtime.socketio.engine.EngineSocket;
import io.realtime.socketio.socket.Event;
import io.realtime.socketio.socket.Namespace;
import io.realtime.socketio.socket.SocketIoOptions;
import io.realtime.socketio.socket.SocketIoServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The set-up the official protocol test suites expect (the "Test suite" sections of the engine.io-protocol and
 * socket.io-protocol documents), made from the production server code with other settings and handlers:
 * <ul>
 * <li>Socket.IO at {@code /socket.io/}: ping 300 ms / 200 ms, maxPayload 1,000,000, connectTimeout 1,000 ms, CORS
 * {@code *}; no authentication; on connection the server emits {@code auth} with the CONNECT payload; {@code message}
 * is answered with {@code message-back} and the same arguments, {@code message-with-ack} through the ack; the same
 * in {@code /custom}; any other namespace is refused ({@code Invalid namespace}).</li>
 * <li>raw Engine.IO at {@code /engine.io/} with the same pings, echoing every message.</li>
 * </ul>
 * Nothing of it is mounted by a service: it runs on its own Vert.x HTTP server ({@link #main}, port 3000 by default).
 */
public final class ConformanceServer {

    public static final Duration PING_INTERVAL = Duration.ofMillis(300);
    public static final Duration PING_TIMEOUT = Duration.ofMillis(200);
    public static final int MAX_PAYLOAD = 1_000_000;
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);

    private ConformanceServer() {
    }

    public static EngineOptions engineOptions(String path) {
        return EngineOptions.defaults(path).withPing(PING_INTERVAL, PING_TIMEOUT).withMaxPayload(MAX_PAYLOAD)
                .withOutbound(OutboundQueue.Limits.DEFAULT).withCorsOrigins(List.of("*"));
    }

    /** Mounts both endpoints on {@code router}; returns the Socket.IO server. */
    public static SocketIoServer mount(Vertx vertx, Router router) {
        SocketIoServer io = new SocketIoServer(vertx, new SocketIoOptions(engineOptions("/socket.io/"),
                CONNECT_TIMEOUT), new ObjectMapper());
        echo(io.namespace("/"));
        echo(io.namespace("/custom"));
        io.mount(router);
        new EngineServer(vertx, engineOptions("/engine.io/"), ConformanceServer::engineEcho).mount(router);
        return io;
    }

    private static void echo(Namespace namespace) {
        namespace.onConnection(socket -> {
            socket.emit("auth", socket.handshake().auth());
            socket.on("message", event -> socket.emit("message-back", event.args().toArray()));
            socket.on("message-with-ack", (Event event) -> {
                if (event.wantsAck()) {
                    event.ack().send(event.args().toArray());
                }
            });
        });
    }

    private static void engineEcho(EngineSocket session) {
        session.listener(new EngineListener() {
            @Override
            public void onMessage(String text) {
                session.send(text);
            }

            @Override
            public void onBinary(byte[] data) {
                session.sendBinary(data);
            }

            @Override
            public void onClose(String reason) {
            }
        });
    }

    /** The HTTP server options both endpoints need: websocket messages as large as {@code maxPayload}. */
    public static HttpServerOptions httpOptions(int port) {
        return new HttpServerOptions().setPort(port).setMaxWebSocketFrameSize(MAX_PAYLOAD)
                .setMaxWebSocketMessageSize(MAX_PAYLOAD);
    }

    /** Starts a server on {@code port} (0: any free port). */
    public static Future<HttpServer> start(Vertx vertx, int port) {
        Router router = Router.router(vertx);
        mount(vertx, router);
        return vertx.createHttpServer(httpOptions(port)).requestHandler(router).listen();
    }

    /** {@code ./run socketio-conformance}: serves both endpoints on port 3000 (or the first argument) until stopped. */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Vertx vertx = Vertx.vertx();
        start(vertx, port).onSuccess(server -> System.out.println("Socket.IO conformance server on port "
                + server.actualPort() + ": /socket.io/ and /engine.io/ (Ctrl-C stops it)"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    vertx.close();
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture()
                .join()));
    }
}
