package io.realtime.bench.socketio;

import java.util.function.BiConsumer;

import io.realtime.bench.core.Clients;
import io.realtime.bench.core.Target;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A minimal Socket.IO v5 client over Engine.IO v4, websocket transport only: the open packet, CONNECT with
 * {@code auth: {token}}, the server's heartbeat answered, events in and out (no acks, no binary).
 */
public final class SocketIoClient {

    private final WebSocket socket;

    private SocketIoClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Opens connection {@code index}; completes once the namespace CONNECT is answered. */
    public static Future<SocketIoClient> open(Clients clients, int index, Target target, String token,
            BiConsumer<String, JsonArray> events) {
        Context loop = clients.loopOf(index);
        Promise<SocketIoClient> connected = Promise.promise();
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(target.host()).setPort(target.port())
                .setURI("/socket.io/?EIO=4&transport=websocket");
        loop.runOnContext(v -> clients.webSocketsFor(index).connect(options).onFailure(connected::tryFail)
                .onSuccess(socket -> {
                    SocketIoClient client = new SocketIoClient(socket);
                    socket.closeHandler(closed -> connected.tryFail("closed: " + socket.closeStatusCode()));
                    socket.textMessageHandler(packet -> client.onPacket(packet, token, connected, events));
                }));
        return connected.future();
    }

    private void onPacket(String packet, String token, Promise<SocketIoClient> connected,
            BiConsumer<String, JsonArray> events) {
        if (packet.startsWith("0")) {
            socket.writeTextMessage("40" + (token == null ? "" : new JsonObject().put("token", token).encode()));
        } else if (packet.equals("2")) {
            socket.writeTextMessage("3");
        } else if (packet.startsWith("40")) {
            connected.tryComplete(this);
        } else if (packet.startsWith("44")) {
            connected.tryFail("connect_error " + packet.substring(2));
        } else if (packet.startsWith("42")) {
            JsonArray event = new JsonArray(packet.substring(2));
            events.accept(event.getString(0), event);
        }
    }

    public void emit(String event, Object data) {
        socket.writeTextMessage("42" + new JsonArray().add(event).add(data).encode());
    }

    public Future<Void> close() {
        return socket.isClosed() ? Future.succeededFuture() : socket.close();
    }
}
