package io.realtime.socketio.socket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import io.realtime.socketio.engine.EngineServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * A Socket.IO v5 server over our Engine.IO v4 endpoint. The main namespace {@code /} always exists; others exist
 * once {@link #namespace} names them; a CONNECT to any other gets {@code CONNECT_ERROR "Invalid namespace"}.
 * <pre>
 * SocketIoServer io = new SocketIoServer(vertx, options, objectMapper);
 * io.namespace("/").use(handshake -> verify(handshake.auth())).onConnection(socket -> socket.on("ping", ...));
 * io.mount(router);
 * </pre>
 */
public final class SocketIoServer {

    private final SocketIoOptions options;
    private final ObjectMapper mapper;
    private final EngineServer engine;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

    /** @param mapper turns emitted arguments into JSON (records, maps, ...): the application's, for its naming rules */
    public SocketIoServer(Vertx vertx, SocketIoOptions options, ObjectMapper mapper) {
        this.options = options;
        this.mapper = mapper;
        this.engine = new EngineServer(vertx, options.engine(), session -> session.listener(new Client(session, this)));
        namespace("/");
    }

    public SocketIoOptions options() {
        return options;
    }

    public EngineServer engine() {
        return engine;
    }

    /** The namespace {@code name} (made on first use): register middlewares and handlers on it. */
    public Namespace namespace(String name) {
        if (!name.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, key -> new Namespace(key, this));
    }

    /** Serves the Engine.IO path on {@code router}. */
    public void mount(Router router) {
        engine.mount(router);
    }

    Namespace lookup(String name) {
        return namespaces.get(name);
    }

    ArrayNode eventData(String event, Object... args) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event);
        for (Object arg : args) {
            data.add(toNode(arg));
        }
        return data;
    }

    JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        if (value instanceof Buffer buffer) {
            return BinaryNode.valueOf(buffer.getBytes());
        }
        return mapper.valueToTree(value);
    }
}
