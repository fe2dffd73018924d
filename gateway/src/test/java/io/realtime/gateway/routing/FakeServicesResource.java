package io.realtime.gateway.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Promise;
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
 * <p>
 * Paths ending in {@value #HELD} are held unanswered (HTTP requests and WebSocket handshakes alike) until
 * {@code POST /__release} on the service's own port ({@code GET /__held} counts the HTTP requests held);
 * {@value #LIMITED} answers 413 before reading a body over {@value #BODY_LIMIT} bytes and closes the connection, as
 * Quarkus does beyond {@code quarkus.http.limits.max-body-size}; {@value #SECURED} answers 401 without reading the
 * body. Like Quarkus REST, the services send {@code 100 Continue} only when they start reading a body that expects it.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String RECEIVED = "/__received";
    /** How many TCP connections are open to that fake service now (the asking one included). */
    static final String CONNECTIONS = "/__connections";
    /** How many HTTP requests are held now. */
    static final String HELD_COUNT = "/__held";
    /** POST: answer every held request and handshake. */
    static final String RELEASE = "/__release";
    static final String HELD = "/held";
    static final String LIMITED = "/limited";
    static final String SECURED = "/secured";
    static final int BODY_LIMIT = 1024;

    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : List.of("assessment", "messaging")) {
            config.put("gateway.routes." + service + ".url", "http://127.0.0.1:" + startService(service));
        }
        config.put("gateway.routes.chat.url", "http://127.0.0.1:" + LocalPorts.unused());
        return config;
    }

    private int startService(String service) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setWebSocketSubProtocols(List.of("bearer-token-carrier")));
        AtomicInteger open = new AtomicInteger();
        Queue<Runnable> held = new ConcurrentLinkedQueue<>();
        Queue<Promise<Integer>> heldHandshakes = new ConcurrentLinkedQueue<>();
        server.connectionHandler(connection -> {
            open.incrementAndGet();
            connection.closeHandler(closed -> open.decrementAndGet());
        });
        server.webSocketHandler(ws -> {
            received.add(service + " " + ws.uri());
            if (ws.path().endsWith(HELD)) {
                Promise<Integer> handshake = Promise.promise();
                ws.setHandshake(handshake.future());
                heldHandshakes.add(handshake);
                return;
            }
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
            if (request.path().equals(HELD_COUNT)) {
                request.response().end(Integer.toString(held.size()));
                return;
            }
            if (request.path().equals(RELEASE)) {
                for (Runnable release = held.poll(); release != null; release = held.poll()) {
                    release.run();
                }
                for (Promise<Integer> handshake = heldHandshakes.poll(); handshake != null;
                        handshake = heldHandshakes.poll()) {
                    handshake.tryComplete(101);
                }
                request.response().end();
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
            if (request.path().endsWith(HELD)) {
                Runnable release = () -> request.response().end(new JsonObject().put("service", service)
                        .put("uri", request.uri()).encode());
                held.add(release);
                request.response().closeHandler(v -> held.remove(release));
            } else if (request.path().endsWith(LIMITED) && contentLength(request) > BODY_LIMIT) {
                request.response().setStatusCode(413).putHeader("connection", "close")
                        .endHandler(v -> request.connection().close()).end();
            } else if (request.path().endsWith(SECURED)) {
                request.response().setStatusCode(401).putHeader("www-authenticate", "Bearer").end();
            } else {
                answer(service, request);
            }
        });
        return LocalPorts.listen(server);
    }

    private static void answer(String service, HttpServerRequest request) {
        if ("100-continue".equalsIgnoreCase(request.getHeader("expect"))) {
            request.response().writeContinue();
        }
        request.body().onSuccess(body -> request.response()
                .putHeader("content-type", "application/json")
                .end(new JsonObject().put("service", service).put("method", request.method().name())
                        .put("uri", request.uri()).put("body", body.toString())
                        .put("forwardedHost", request.getHeader("X-Forwarded-Host")).encode()));
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader("content-length");
        return length == null ? -1 : Long.parseLong(length);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
