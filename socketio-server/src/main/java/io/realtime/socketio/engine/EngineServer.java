package io.realtime.socketio.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An Engine.IO v4 endpoint on a Vert.x {@link Router}: answers the handshake, routes each request of a session to
 * it, refuses bad requests with the protocol's HTTP 400 JSON bodies ({@link EngineError}), and answers CORS for the
 * polling requests. What happens over a session is the business of the connection callback.
 */
public final class EngineServer {

    private static final Logger LOG = Logger.getLogger(EngineServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final EngineOptions options;
    private final Consumer<EngineSocket> onConnection;
    private final Map<String, EngineSocket> sessions = new ConcurrentHashMap<>();

    /** @param onConnection runs on the new session's event loop, before anything of it is read */
    public EngineServer(Vertx vertx, EngineOptions options, Consumer<EngineSocket> onConnection) {
        this.vertx = vertx;
        this.options = options;
        this.onConnection = onConnection;
    }

    public EngineOptions options() {
        return options;
    }

    /** Serves {@link EngineOptions#path()} (and everything under it) on {@code router}. */
    public void mount(Router router) {
        router.route(options.path() + "*").handler(this::handle);
    }

    /** Open sessions (a snapshot). */
    public Collection<EngineSocket> sessions() {
        return java.util.List.copyOf(sessions.values());
    }

    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == HttpMethod.OPTIONS) {
            preflight(ctx);
            return;
        }
        String transport = request.getParam("transport");
        if (!"polling".equals(transport) && !"websocket".equals(transport)) {
            fail(ctx, EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        if (!"4".equals(request.getParam("EIO"))) {
            fail(ctx, EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        boolean upgrade = isWebSocketUpgrade(request);
        if (upgrade != "websocket".equals(transport)) {
            fail(ctx, EngineError.BAD_REQUEST);
            return;
        }
        String sid = request.getParam("sid");
        if (sid == null) {
            handshake(ctx, upgrade);
            return;
        }
        EngineSocket session = sessions.get(sid);
        if (session == null) {
            fail(ctx, EngineError.UNKNOWN_SID);
            return;
        }
        if (upgrade) {
            if (!session.acceptsProbe()) {
                fail(ctx, EngineError.BAD_REQUEST);
                return;
            }
            request.toWebSocket().onSuccess(ws -> session.execute(() -> session.attachProbe(ws)))
                    .onFailure(failure -> LOG.debugf("Websocket upgrade of %s failed: %s", sid, failure.getMessage()));
        } else if (request.method() == HttpMethod.GET) {
            session.execute(() -> session.onPoll(ctx));
        } else if (request.method() == HttpMethod.POST) {
            readBody(ctx, session);
        } else {
            fail(ctx, EngineError.BAD_REQUEST);
        }
    }

    private void handshake(RoutingContext ctx, boolean upgrade) {
        HttpServerRequest request = ctx.request();
        if (!upgrade && request.method() != HttpMethod.GET) {
            fail(ctx, EngineError.BAD_HANDSHAKE_METHOD);
            return;
        }
        EngineRequest snapshot = snapshot(request);
        if (upgrade) {
            request.toWebSocket().onSuccess(ws -> {
                EngineSocket session = newSession(snapshot, EngineSocket.Transport.WEBSOCKET);
                session.attachWebSocket(ws);
                start(session);
            }).onFailure(failure -> LOG.debugf("Websocket handshake failed: %s", failure.getMessage()));
        } else {
            EngineSocket session = newSession(snapshot, EngineSocket.Transport.POLLING);
            start(session);
            session.onPoll(ctx);
        }
    }

    private EngineSocket newSession(EngineRequest snapshot, EngineSocket.Transport transport) {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        EngineSocket session = new EngineSocket(id, this, vertx, snapshot, transport);
        sessions.put(id, session);
        return session;
    }

    private void start(EngineSocket session) {
        session.open();
        try {
            onConnection.accept(session);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Connection callback failed for %s", session.id());
            session.close();
        }
    }

    private void readBody(RoutingContext ctx, EngineSocket session) {
        HttpServerRequest request = ctx.request();
        String length = request.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > options.maxPayload()) {
                    request.resume();
                    session.execute(() -> session.onPostTooLarge(ctx));
                    return;
                }
            } catch (NumberFormatException e) {
                fail(ctx, EngineError.BAD_REQUEST);
                return;
            }
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + chunk.length() > options.maxPayload()) {
                tooLarge[0] = true;
                session.execute(() -> session.onPostTooLarge(ctx));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (!tooLarge[0]) {
                String text = body.toString(java.nio.charset.StandardCharsets.UTF_8);
                session.execute(() -> session.onPost(ctx, text));
            }
        });
        request.exceptionHandler(failure -> LOG.debugf("Polling POST of %s failed: %s", session.id(),
                failure.getMessage()));
        request.resume(); // Quarkus hands route requests in paused
    }

    void remove(EngineSocket session) {
        sessions.remove(session.id(), session);
    }

    /** HTTP 400 (or what the error calls for) with the protocol's JSON body. */
    void fail(RoutingContext ctx, EngineError error) {
        cors(ctx);
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(error.body());
    }

    /** CORS headers for a polling answer, when the request's origin is allowed. */
    void cors(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (options.corsOrigins().contains("*")) {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*");
        } else if (origin != null && options.corsOrigins().contains(origin)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Credentials", "true")
                    .putHeader("Vary", "Origin");
        }
    }

    private void preflight(RoutingContext ctx) {
        cors(ctx);
        String headers = ctx.request().getHeader("Access-Control-Request-Headers");
        ctx.response().putHeader("Access-Control-Allow-Methods", "GET,POST");
        if (headers != null) {
            ctx.response().putHeader("Access-Control-Allow-Headers", headers);
        }
        ctx.response().setStatusCode(204).end();
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return request.method() == HttpMethod.GET && upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static EngineRequest snapshot(HttpServerRequest request) {
        Map<String, String> query = new HashMap<>();
        request.params().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return new EngineRequest(request.uri(), Map.copyOf(query), headers, address, request.isSSL(), Instant.now());
    }
}
