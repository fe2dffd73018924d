package io.realtime.socketio.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A client's connection to one namespace. Handlers run on the client's session event loop, one event at a time in
 * arrival order: they must not block (hand blocking work to a worker and emit from there; emitting is allowed from
 * any thread).
 */
public final class Socket {

    private static final Logger LOG = Logger.getLogger(Socket.class);

    private final String id;
    private final Namespace namespace;
    private final Client client;
    private final Handshake handshake;
    private final Object principal;
    private final Map<String, Consumer<Event>> handlers = new ConcurrentHashMap<>();
    private volatile Consumer<Event> anyHandler;
    private final List<Consumer<String>> disconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<Long, CompletableFuture<List<JsonNode>>> pendingAcks = new ConcurrentHashMap<>();
    private final AtomicLong nextAckId = new AtomicLong();
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicBoolean connected = new AtomicBoolean(true);

    Socket(String id, Namespace namespace, Client client, Handshake handshake, Object principal) {
        this.id = id;
        this.namespace = namespace;
        this.client = client;
        this.handshake = handshake;
        this.principal = principal;
    }

    /** The socket's id ({@code socket.id} on the client, the {@code sid} of the CONNECT answer). */
    public String id() {
        return id;
    }

    public Namespace namespace() {
        return namespace;
    }

    public Handshake handshake() {
        return handshake;
    }

    /** What the namespace's middleware admitted the client as (null when it returned nothing). */
    @SuppressWarnings("unchecked")
    public <T> T principal() {
        return (T) principal;
    }

    /** The Engine.IO session this socket rides on. */
    public String sessionId() {
        return client.engine().id();
    }

    /** Per-connection attributes (connection metadata, say). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public boolean connected() {
        return connected.get();
    }

    /** Handles the event {@code name} (replacing an earlier handler of it). */
    public Socket on(String name, Consumer<Event> handler) {
        handlers.put(name, handler);
        return this;
    }

    /** Handles every event that has no handler of its own. */
    public Socket onAny(Consumer<Event> handler) {
        anyHandler = handler;
        return this;
    }

    /** Runs once the socket is disconnected, with the reason ({@code client namespace disconnect}, {@code transport close}, ...). */
    public Socket onDisconnect(Consumer<String> handler) {
        disconnectHandlers.add(handler);
        return this;
    }

    /** Emits an event to this client ({@code byte[]} values travel as binary attachments). */
    public void emit(String event, Object... args) {
        if (connected.get()) {
            client.send(new SioPacket(SioPacket.EVENT, namespace.name(), null, namespace.server().eventData(event,
                    args)));
        }
    }

    /** Emits an event the client must acknowledge; completes with the client's answer, or fails after {@code timeout}. */
    public CompletionStage<List<JsonNode>> emitWithAck(String event, Duration timeout, Object... args) {
        CompletableFuture<List<JsonNode>> answer = new CompletableFuture<>();
        if (!connected.get()) {
            answer.completeExceptionally(new IllegalStateException("socket is disconnected"));
            return answer;
        }
        long ackId = nextAckId.getAndIncrement();
        pendingAcks.put(ackId, answer);
        long timer = client.engine().vertx().setTimer(timeout.toMillis(), ignored -> {
            CompletableFuture<List<JsonNode>> pending = pendingAcks.remove(ackId);
            if (pending != null) {
                pending.completeExceptionally(new TimeoutException("no acknowledgement within " + timeout));
            }
        });
        answer.whenComplete((ignored, failure) -> client.engine().vertx().cancelTimer(timer));
        client.send(new SioPacket(SioPacket.EVENT, namespace.name(), ackId,
                namespace.server().eventData(event, args)));
        return answer;
    }

    public void join(String room) {
        if (connected.get() && rooms.add(room)) {
            namespace.addToRoom(room, this);
        }
    }

    public void leave(String room) {
        if (rooms.remove(room)) {
            namespace.removeFromRoom(room, this);
        }
    }

    public Set<String> rooms() {
        return Set.copyOf(rooms);
    }

    /** Disconnects from this namespace (the client gets DISCONNECT); {@code close} also ends the whole session. */
    public void disconnect(boolean close) {
        client.engine().execute(() -> {
            if (connected.get()) {
                client.send(new SioPacket(SioPacket.DISCONNECT, namespace.name(), null, null));
                client.removeSocket(this);
                disconnected("server namespace disconnect");
            }
            if (close) {
                client.engine().close();
            }
        });
    }

    // ------------------------------------------------------------------ from the client (its event loop)

    void onPacket(SioPacket packet) {
        switch (packet.type()) {
            case SioPacket.EVENT, SioPacket.BINARY_EVENT -> onEvent(packet);
            case SioPacket.ACK, SioPacket.BINARY_ACK -> onAck(packet);
            case SioPacket.DISCONNECT -> {
                client.removeSocket(this);
                disconnected("client namespace disconnect");
            }
            default -> client.protocolError("unexpected packet type " + packet.type());
        }
    }

    private void onEvent(SioPacket packet) {
        ArrayNode data = (ArrayNode) packet.data();
        String name = data.get(0).asText();
        List<JsonNode> args = new ArrayList<>(data.size() - 1);
        for (int i = 1; i < data.size(); i++) {
            args.add(data.get(i));
        }
        Ack ack = packet.id() == null ? null : ackFor(packet.id());
        Consumer<Event> handler = handlers.getOrDefault(name, anyHandler);
        if (handler == null) {
            LOG.debugf("Socket %s: no handler for event %s", id, name);
            return;
        }
        try {
            handler.accept(new Event(name, List.copyOf(args), ack));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Socket %s: handler of %s failed", id, name);
        }
    }

    private Ack ackFor(long ackId) {
        AtomicBoolean sent = new AtomicBoolean();
        return args -> {
            if (sent.compareAndSet(false, true) && connected.get()) {
                ArrayNode data = JsonNodeFactory.instance.arrayNode();
                for (Object arg : args) {
                    data.add(namespace.server().toNode(arg));
                }
                client.send(new SioPacket(SioPacket.ACK, namespace.name(), ackId, data));
            }
        };
    }

    private void onAck(SioPacket packet) {
        if (packet.id() == null) {
            return;
        }
        CompletableFuture<List<JsonNode>> pending = pendingAcks.remove(packet.id());
        if (pending == null) {
            LOG.debugf("Socket %s: unknown ack %d", id, packet.id());
            return;
        }
        List<JsonNode> args = new ArrayList<>();
        packet.data().forEach(args::add);
        pending.complete(List.copyOf(args));
    }

    /** Once: leaves every room, fails what waits for an ack, tells the disconnect handlers. */
    void disconnected(String reason) {
        if (!connected.compareAndSet(true, false)) {
            return;
        }
        for (String room : rooms) {
            namespace.removeFromRoom(room, this);
        }
        rooms.clear();
        namespace.removeSocket(this);
        pendingAcks.values().forEach(pending -> pending.completeExceptionally(
                new IllegalStateException("socket disconnected: " + reason)));
        pendingAcks.clear();
        for (Consumer<String> handler : disconnectHandlers) {
            try {
                handler.accept(reason);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Socket %s: disconnect handler failed", id);
            }
        }
    }

    /** For broadcasts: the already encoded messages, straight to the session. */
    void deliver(List<io.realtime.socketio.engine.Packet> encoded) {
        if (connected.get()) {
            client.engine().sendAll(encoded);
        }
    }
}
