package io.realtime.gateway.routing;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two real HTTP/WebSocket servers standing in for services, each telling who it is and what it received, plus a
 * route to a port where nothing listens. Each also records every request URI it receives (HTTP and WebSocket, as
 * {@code "<service> <uri>"}): {@code GET /__received} on a service's own port lists them, {@code DELETE} clears them,
 * so a test can tell what reached the services through the gateway.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String RECEIVED = "/__received";
    /** How many TCP connections are open to that fake service now (the asking one included). */
    static final String CONNECTIONS = "/__connections";

    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("assessment", "messaging")) {
            config.put("gateway.routes." + service + ".url", "http://127.0.0.1:" + startService(service));
        }
        config.put("gateway.routes.chat.url", "http://127.0.0.1:" + freePort());
        return config;
    }

    private int startService(String service) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setWebSocketSubProtocols(List.of("bearer-token-carrier")));
        AtomicInteger open = new AtomicInteger();
        server.connectionHandler(connection -> {
            open.incrementAndGet();
            connection.closeHandler(closed -> open.decrementAndGet());
        });
        server.webSocketHandler(ws -> {
            received.add(service + " " + ws.uri());
            ws.writeTextMessage(new JsonObject().put("service", service).put("path", ws.path())
                    .put("query", ws.query()).put("forwardedHost", ws.headers().get("X-Forwarded-Host"))
                    .put("protocolHeader", ws.headers().getAll("Sec-WebSocket-Protocol").toString()).encode());
            ws.textMessageHandler(text -> {
                if (text.equals("close-me")) {
                    ws.close((short) 4009, "replaced");
                } else {
                    ws.writeTextMessage("echo:" + text);
                }
            });
        });
        server.requestHandler(request -> {
            if (request.path().equals(CONNECTIONS)) {
                request.response().end(Integer.toString(open.get()));
                return;
            }
            if (request.path().equals(RECEIVED)) {
                JsonArray list = new JsonArray(List.copyOf(received));
                if (request.method() == HttpMethod.DELETE) {
                    received.clear();
                }
                request.response().putHeader("content-type", "application/json").end(list.encode());
                return;
            }
            received.add(service + " " + request.uri());
            answer(service, request);
        });
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(String service, HttpServerRequest request) {
        request.body().onSuccess(body -> request.response()
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("service", service).put("method", request.method().name())
                        .put("uri", request.uri()).put("body", body.toString())
                        .put("forwardedHost", request.getHeader("X-Forwarded-Host")).encode()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
