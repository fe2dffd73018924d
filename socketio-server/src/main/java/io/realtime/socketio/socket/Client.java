package io.realtime.socketio.socket;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.realtime.socketio.engine.EngineListener;
import io.realtime.socketio.engine.EngineSocket;

/**
 * The Socket.IO side of one Engine.IO session: decodes packets (waiting for a binary packet's attachments),
 * connects it to namespaces, and hands each namespace's packets to its {@link Socket}. All state here is touched on
 * the session's event loop only (where the engine delivers).
 */
final class Client implements EngineListener {

    private static final Logger LOG = Logger.getLogger(Client.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EngineSocket engine;
    private final SocketIoServer server;
    private final Map<String, Socket> sockets = new HashMap<>();
    /** Namespaces whose middleware is still deciding, with what arrived for them meanwhile. */
    private final Map<String, List<SioPacket>> connecting = new HashMap<>();
    private SioParser.Header reconstructing;
    private final List<byte[]> attachments = new ArrayList<>();
    private final long connectTimer;
    private boolean closed;

    Client(EngineSocket engine, SocketIoServer server) {
        this.engine = engine;
        this.server = server;
        this.connectTimer = engine.vertx().setTimer(server.options().connectTimeout().toMillis(),
                ignored -> engine.execute(() -> {
                    if (sockets.isEmpty() && connecting.isEmpty() && !closed) {
                        LOG.debugf("Session %s connected to no namespace in time", engine.id());
                        engine.close();
                    }
                }));
    }

    EngineSocket engine() {
        return engine;
    }

    void send(SioPacket packet) {
        engine.sendAll(SioParser.encode(packet));
    }

    void protocolError(String why) {
        LOG.debugf("Session %s: %s, closing", engine.id(), why);
        engine.abort("parse error");
    }

    void removeSocket(Socket socket) {
        sockets.remove(socket.namespace().name(), socket);
    }

    @Override
    public void onMessage(String text) {
        if (reconstructing != null) {
            protocolError("text while waiting for attachments");
            return;
        }
        SioParser.Header header;
        try {
            header = SioParser.decode(text);
        } catch (IllegalArgumentException e) {
            protocolError("invalid packet: " + e.getMessage());
            return;
        }
        if (header.attachments() > 0) {
            reconstructing = header;
            attachments.clear();
        } else {
            dispatch(header.packet());
        }
    }

    @Override
    public void onBinary(byte[] data) {
        if (reconstructing == null) {
            protocolError("unexpected binary message");
            return;
        }
        attachments.add(data);
        if (attachments.size() < reconstructing.attachments()) {
            return;
        }
        SioPacket packet = reconstructing.packet();
        reconstructing = null;
        JsonNode data2;
        try {
            data2 = SioParser.reconstruct(packet.data(), List.copyOf(attachments));
        } catch (IllegalArgumentException e) {
            protocolError(e.getMessage());
            return;
        } finally {
            attachments.clear();
        }
        dispatch(new SioPacket(packet.type(), packet.namespace(), packet.id(), data2));
    }

    @Override
    public void onClose(String reason) {
        closed = true;
        engine.vertx().cancelTimer(connectTimer);
        connecting.clear();
        for (Socket socket : List.copyOf(sockets.values())) {
            socket.disconnected(reason);
        }
        sockets.clear();
    }

    private void dispatch(SioPacket packet) {
        String name = packet.namespace();
        if (packet.type() == SioPacket.CONNECT) {
            if (sockets.containsKey(name) || connecting.containsKey(name)) {
                protocolError("second CONNECT to " + name);
            } else {
                connect(packet);
            }
            return;
        }
        Socket socket = sockets.get(name);
        if (socket != null && packet.type() != SioPacket.CONNECT_ERROR) {
            socket.onPacket(packet);
        } else if (connecting.containsKey(name) && packet.type() != SioPacket.CONNECT_ERROR) {
            connecting.get(name).add(packet);
        } else {
            protocolError("packet " + packet.type() + " for " + name + " without a connection to it");
        }
    }

    private void connect(SioPacket packet) {
        String name = packet.namespace();
        Namespace namespace = server.lookup(name);
        if (namespace == null) {
            refuse(name, "Invalid namespace", null);
            return;
        }
        JsonNode auth = packet.data() == null ? JsonNodeFactory.instance.objectNode() : packet.data();
        Handshake handshake = new Handshake(auth, engine.request());
        connecting.put(name, new ArrayList<>());
        admit(namespace.middlewares(), handshake).whenComplete((principal, failure) -> engine.execute(() -> {
            List<SioPacket> waiting = connecting.remove(name);
            if (closed || waiting == null) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ConnectRefused refused) {
                    refuse(name, refused.getMessage(), refused.data());
                } else {
                    LOG.errorf(cause, "Admission to %s failed", name);
                    refuse(name, "Connection refused", null);
                }
                return;
            }
            Socket socket = new Socket(newId(), namespace, this, handshake, principal);
            sockets.put(name, socket);
            ObjectNode answer = JsonNodeFactory.instance.objectNode().put("sid", socket.id());
            send(new SioPacket(SioPacket.CONNECT, name, null, answer));
            engine.vertx().cancelTimer(connectTimer);
            try {
                namespace.connected(socket);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Connection handler of %s failed", name);
            }
            for (SioPacket early : waiting) {
                if (!socket.connected()) {
                    break;
                }
                socket.onPacket(early);
            }
        }));
    }

    private void refuse(String namespace, String message, JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("message", message);
        if (data != null) {
            body.set("data", data);
        }
        send(new SioPacket(SioPacket.CONNECT_ERROR, namespace, null, body));
    }

    private static CompletionStage<Object> admit(List<Middleware> middlewares, Handshake handshake) {
        CompletionStage<Object> stage = CompletableFuture.completedFuture(null);
        for (Middleware middleware : middlewares) {
            stage = stage.thenCompose(previous -> {
                CompletionStage<?> next;
                try {
                    next = middleware.admit(handshake);
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
                return next.thenApply(result -> result != null ? result : previous);
            });
        }
        return stage;
    }

    private static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
