package io.realtime.bench.messaging;

import java.util.function.Consumer;

import io.realtime.bench.core.Clients;
import io.realtime.bench.core.Target;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * One messaging-service connection, authenticated with {@code ?token=}, pinned to its event loop; the same for the
 * other JSON WebSocket protocols of the suite, whose first frame says the connection is ready.
 */
public final class MessagingSocket {

    private final WebSocket socket;

    private MessagingSocket(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens connection {@code index} and completes once {@code connection:authenticated} arrived. */
    public static Future<MessagingSocket> open(Clients clients, int index, Target target, String path,
            Consumer<JsonObject> frames, Consumer<Buffer> pongs) {
        return open(clients, index, target, path, "connection:authenticated", frames, pongs);
    }

    /**
     * Opens connection {@code index} to any of the suite's JSON WebSocket protocols and completes once the first
     * frame, of type {@code readyType}, arrived (any other first frame fails it); later frames go to {@code frames}.
     */
    public static Future<MessagingSocket> open(Clients clients, int index, Target target, String path,
            String readyType, Consumer<JsonObject> frames, Consumer<Buffer> pongs) {
        Context loop = clients.loopOf(index);
        Promise<MessagingSocket> opened = Promise.promise();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(target.host()).setPort(target.port())
                .setURI(path);
        loop.runOnContext(v -> clients.webSocketsFor(index).connect(options).onFailure(opened::tryFail)
                .onSuccess(socket -> {
                    MessagingSocket connection = new MessagingSocket(socket);
                    socket.pongHandler(pongs::accept);
                    socket.closeHandler(closed -> opened.tryFail("closed before authentication: "
                            + socket.closeStatusCode() + " " + socket.closeReason()));
                    socket.textMessageHandler(text -> {
                        JsonObject frame = new JsonObject(text);
                        if (!opened.future().isComplete()) {
                            if (readyType.equals(frame.getString("type"))) {
                                opened.tryComplete(connection);
                            } else {
                                opened.tryFail("not authenticated: " + text);
                            }
                            return;
                        }
                        frames.accept(frame);
                    });
                }));
        return opened.future();
    }

    public void send(JsonObject frame) {
        socket.writeTextMessage(frame.encode());
    }

    public void ping(Buffer payload) {
        socket.writePing(payload);
    }

    public Future<Void> close() {
        return socket.isClosed() ? Future.succeededFuture() : socket.close();
    }
}
