package io.realtime.gateway.routing;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

/**
 * Two real HTTP/WebSocket servers standing in for services, each telling who it is and what it received, plus a
 * route to a port where nothing listens.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

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
        server.webSocketHandler(ws -> {
            ws.writeTextMessage(new JsonObject().put("service", service).put("path", ws.path())
                    .put("query", ws.query())
                    .put("protocolHeader", ws.headers().getAll("Sec-WebSocket-Protocol").toString()).encode());
            ws.textMessageHandler(text -> {
                if (text.equals("close-me")) {
                    ws.close((short) 4009, "replaced");
                } else {
                    ws.writeTextMessage("echo:" + text);
                }
            });
        });
        server.requestHandler(request -> request.body().onSuccess(body -> request.response()
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("service", service).put("method", request.method().name())
                        .put("uri", request.uri()).put("body", body.toString())
                        .put("forwardedHost", request.getHeader("X-Forwarded-Host")).encode())));
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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
