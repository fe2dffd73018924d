package io.realtime.socketio.socket;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.realtime.socketio.engine.Packet;

/** A namespace: who may connect ({@link #use}), what happens on connection, its sockets and rooms, broadcasts. */
public final class Namespace {

    private final String name;
    private final SocketIoServer server;
    private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<Consumer<Socket>> connectionHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final Map<String, Set<Socket>> rooms = new ConcurrentHashMap<>();

    Namespace(String name, SocketIoServer server) {
        this.name = name;
        this.server = server;
    }

    public String name() {
        return name;
    }

    SocketIoServer server() {
        return server;
    }

    /** Adds an admission step; they run in order, each after the previous admitted the client. */
    public Namespace use(Middleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    /** Runs for each admitted socket, right after the client got its CONNECT answer (on the client's event loop). */
    public Namespace onConnection(Consumer<Socket> handler) {
        connectionHandlers.add(handler);
        return this;
    }

    public Collection<Socket> sockets() {
        return List.copyOf(sockets.values());
    }

    /** The sockets in {@code room} now. */
    public Set<Socket> room(String room) {
        Set<Socket> members = rooms.get(room);
        return members == null ? Set.of() : Set.copyOf(members);
    }

    /** Emits to every socket of the namespace. */
    public void emit(String event, Object... args) {
        broadcast(sockets.values(), event, args);
    }

    /** Emits to every socket in {@code room}: encoded once, queued to each member's session. */
    public void emitTo(String room, String event, Object... args) {
        Set<Socket> members = rooms.get(room);
        if (members != null) {
            broadcast(members, event, args);
        }
    }

    private void broadcast(Collection<Socket> targets, String event, Object... args) {
        List<Packet> encoded = SioParser.encode(new SioPacket(SioPacket.EVENT, name, null,
                server.eventData(event, args)));
        for (Socket socket : List.copyOf(targets)) {
            socket.deliver(encoded);
        }
    }

    List<Middleware> middlewares() {
        return middlewares;
    }

    void connected(Socket socket) {
        sockets.put(socket.id(), socket);
        for (Consumer<Socket> handler : connectionHandlers) {
            handler.accept(socket);
        }
    }

    void removeSocket(Socket socket) {
        sockets.remove(socket.id(), socket);
    }

    void addToRoom(String room, Socket socket) {
        rooms.compute(room, (key, members) -> {
            Set<Socket> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(socket);
            return set;
        });
    }

    void removeFromRoom(String room, Socket socket) {
        rooms.computeIfPresent(room, (key, members) -> {
            members.remove(socket);
            return members.isEmpty() ? null : members;
        });
    }
}
