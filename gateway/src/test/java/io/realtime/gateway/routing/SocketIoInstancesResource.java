package io.realtime.gateway.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.realtime.socketio.engine.EngineOptions;
import io.realtime.socketio.socket.SocketIoOptions;
import io.realtime.socketio.socket.SocketIoServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Two instances of a Socket.IO service behind the {@code project-docs} route, each our real server
 * ({@code socketio-server}) with the protocol's default timings on its own port:
 * <ul>
 * <li>event {@code where} is acknowledged with the instance's name ({@value #FIRST} or {@value #SECOND}), event
 * {@code echo} with its arguments;</li>
 * <li>{@code GET /__stats} on an instance's own port tells its name, the polling handshakes it answered and the
 * requests it answered 400 (a {@code sid} it does not hold, among others).</li>
 * </ul>
 * The {@code media-stream} route gets a port where nothing listens, then the first instance: requests must skip the
 * dead one. The test profile's tiny pools would make polling clients (each holding a waiting GET) queue for
 * connections, so this set-up raises them.
 */
public class SocketIoInstancesResource implements QuarkusTestResourceLifecycleManager {

    static final String FIRST = "first";
    static final String SECOND = "second";
    static final String STATS = "/__stats";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        String first = "http://127.0.0.1:" + startInstance(FIRST);
        String second = "http://127.0.0.1:" + startInstance(SECOND);
        return Map.of("gateway.routes.project-docs.url", first + "," + second,
                "gateway.routes.media-stream.url", "http://127.0.0.1:" + LocalPorts.unused() + "," + first,
                "gateway.max-connections-per-service", "100",
                "gateway.max-waiting-requests-per-service", "100",
                "gateway.max-tunnels-per-service", "100",
                "gateway.max-tunnels-per-client", "200");
    }

    private int startInstance(String name) {
        AtomicInteger handshakes = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Router router = Router.router(vertx);
        router.get(STATS).handler(ctx -> ctx.json(new JsonObject().put("name", name)
                .put("handshakes", handshakes.get()).put("badRequests", refused.get())));
        router.get("/q/health/ready").handler(ctx -> ctx.response().end("{\"status\":\"UP\"}"));
        router.route("/socket.io/*").handler(ctx -> {
            if (ctx.request().getParam("sid") == null && "polling".equals(ctx.request().getParam("transport"))) {
                handshakes.incrementAndGet();
            }
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 400) {
                    refused.incrementAndGet();
                }
            });
            ctx.next();
        });
        SocketIoServer io = new SocketIoServer(vertx, new SocketIoOptions(EngineOptions.defaults("/socket.io/"),
                Duration.ofSeconds(10)), new ObjectMapper());
        io.namespace("/").onConnection(socket -> {
            socket.on("where", event -> {
                if (event.wantsAck()) {
                    event.ack().send(name);
                }
            });
            socket.on("echo", event -> {
                if (event.wantsAck()) {
                    event.ack().send(event.args().toArray());
                }
            });
        });
        io.mount(router);
        return LocalPorts.listen(vertx.createHttpServer().requestHandler(router));
    }

    /** The instances' URLs, as the gateway under test has them: {@value #FIRST}'s, then {@value #SECOND}'s. */
    static List<String> urls() {
        return List.of(ConfigProvider.getConfig().getValue("gateway.routes.project-docs.url", String.class)
                .split(","));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
