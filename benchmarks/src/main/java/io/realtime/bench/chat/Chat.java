package io.realtime.bench.chat;

import io.realtime.bench.core.Clients;
import io.realtime.bench.core.Target;
import io.realtime.bench.messaging.MessagingSocket;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/**
 * One visitor's chat, owned by its connection's event loop: a session made over REST, the socket
 * ({@code /ws/chat/?session_id=&visitor_id=}, ready at {@code connected}), then a question each round; the answer
 * streams back as {@code chunk} frames and ends with {@code complete}.
 */
final class Chat {

    private final RelayMeter meter;
    private String sessionId;
    private String visitorId;
    private MessagingSocket socket;

    Chat(RelayMeter meter) {
        this.meter = meter;
    }

    Future<Chat> open(Clients clients, int index, Target target) {
        RequestOptions create = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host())
                .setPort(target.port()).setURI("/api/chats/sessions/");
        return clients.http().request(create).compose(request -> request.send()).compose(response -> response.body()
                .compose(body -> response.statusCode() == 201 ? Future.succeededFuture(body.toJsonObject())
                        : Future.failedFuture("POST /api/chats/sessions/: " + response.statusCode() + " " + body)))
                .compose(session -> {
                    sessionId = session.getString("session_id");
                    visitorId = session.getString("visitor_id");
                    return MessagingSocket.open(clients, index, target, "/ws/chat/?session_id=" + sessionId
                            + "&visitor_id=" + visitorId, "connected", this::onFrame, pong -> { });
                })
                .map(opened -> {
                    socket = opened;
                    return this;
                });
    }

    MessagingSocket socket() {
        return socket;
    }

    /** Asks a question (on this chat's event loop). */
    void ask() {
        socket.send(new JsonObject().put("type", "chat_message").put("message", "What is a novated lease?")
                .put("session_id", sessionId).put("visitor_id", visitorId));
    }

    private void onFrame(JsonObject frame) {
        switch (frame.getString("type", "")) {
            case "chunk" -> meter.chunk(frame.getString("chunk"));
            case "complete" -> meter.complete();
            case "error" -> meter.errors().add(frame.getString("error", frame.encode()));
            default -> {
            }
        }
    }
}
