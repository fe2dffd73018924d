package io.realtime.socketio.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jboss.logging.Logger;

import io.realtime.kit.socket.OutboundQueue;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * One Engine.IO v4 session: its transport (HTTP long-polling or websocket, and the upgrade from the first to the
 * second), its heartbeat, and its one ordered way out.
 * <p>
 * Threading: the session belongs to the event loop that opened it. Every change of state runs there
 * ({@link #execute}); requests, websocket frames and timers of the session that arrive elsewhere hop onto it, so no
 * field needs a lock. Sending is allowed from any thread.
 * <p>
 * Outbound: packets are kept in their text form (a binary message as {@code b<base64>}, the protocol's own text form
 * of it). On polling they wait in a buffer, capped by {@link EngineOptions#outbound()}, flushed as one payload on the
 * next GET; on a websocket they go through the kit's {@link OutboundQueue} (in order, one write in flight, capped),
 * whose adapter writes {@code b...} packets as binary frames.
 */
public final class EngineSocket {

    private static final Logger LOG = Logger.getLogger(EngineSocket.class);

    public enum Transport {
        POLLING, WEBSOCKET
    }

    private final String id;
    private final EngineServer server;
    private final EngineOptions options;
    private final Vertx vertx;
    private final Context context;
    private final Thread owner;
    private final EngineRequest request;

    private volatile Transport transport;
    private EngineListener listener = EngineListener.NONE;
    private boolean closed;

    // polling
    private final ArrayDeque<String> buffer = new ArrayDeque<>();
    private long bufferedChars;
    private RoutingContext pendingPoll;
    private boolean flushScheduled;
    /** Closed by the server while no GET was waiting: the next GET gets what was left and the close packet. */
    private boolean closePacketOwed;

    // upgrade
    private ServerWebSocket probe;
    private boolean upgrading;
    private long upgradeTimer = -1;

    // websocket
    private ServerWebSocket webSocket;
    private OutboundQueue queue;

    // heartbeat
    private long pingTimer = -1;
    private long pingTimeoutTimer = -1;

    EngineSocket(String id, EngineServer server, Vertx vertx, EngineRequest request, Transport transport) {
        this.id = id;
        this.server = server;
        this.options = server.options();
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.owner = Thread.currentThread();
        this.request = request;
        this.transport = transport;
    }

    public String id() {
        return id;
    }

    public EngineRequest request() {
        return request;
    }

    public Transport transport() {
        return transport;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** Sets who receives this session's messages and its close (call it in the connection callback). */
    public void listener(EngineListener value) {
        execute(() -> listener = value);
    }

    /** Runs {@code task} on this session's event loop: at once when already there, else after what is queued there. */
    public void execute(Runnable task) {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            context.runOnContext(ignored -> task.run());
        }
    }

    /** Sends a text message. */
    public void send(String text) {
        sendAll(List.of(Packet.message(text)));
    }

    /** Sends a binary message. */
    public void sendBinary(byte[] data) {
        sendAll(List.of(Packet.binary(data)));
    }

    /** Sends messages back to back (a Socket.IO packet and its attachments): nothing else goes between them. */
    public void sendAll(List<Packet> packets) {
        List<String> encoded = new ArrayList<>(packets.size());
        for (Packet packet : packets) {
            encoded.add(packet.encode());
        }
        execute(() -> {
            for (String text : encoded) {
                enqueue(text);
            }
        });
    }

    /** Closes the session from the server side: what is queued is still delivered, then the transport closes. */
    public void close() {
        execute(() -> closeNow("forced close", Ending.SERVER));
    }

    /** Closes the session at once for a protocol error (what is queued is dropped). */
    public void abort(String reason) {
        execute(() -> closeNow(reason, Ending.ERROR));
    }

    public boolean isClosed() {
        return closed;
    }

    // ------------------------------------------------------------------ lifecycle (all on the owner thread)

    void open() {
        String handshake = "{\"sid\":\"" + id + "\",\"upgrades\":"
                + (transport == Transport.POLLING ? "[\"websocket\"]" : "[]")
                + ",\"pingInterval\":" + options.pingInterval().toMillis()
                + ",\"pingTimeout\":" + options.pingTimeout().toMillis()
                + ",\"maxPayload\":" + options.maxPayload() + "}";
        enqueue(Packet.of(Packet.Type.OPEN, handshake).encode());
        schedulePing();
    }

    /** How the session ends, which decides what a waiting GET gets. */
    private enum Ending {
        /** the client sent a close packet: a waiting GET ends with a noop */
        CLIENT,
        /** the server closes on purpose: what is queued, then a close packet */
        SERVER,
        /** an error, a timeout, a lost transport: a waiting GET gets a close packet */
        ERROR
    }

    private void closeNow(String reason, Ending ending) {
        if (closed) {
            return;
        }
        closed = true;
        cancel(pingTimer);
        cancel(pingTimeoutTimer);
        cancel(upgradeTimer);
        if (probe != null) {
            probe.close();
            probe = null;
        }
        if (transport == Transport.POLLING) {
            if (ending == Ending.SERVER) {
                buffer.add(Packet.CLOSE.encode());
                if (pendingPoll != null) {
                    flush();
                    server.remove(this);
                } else {
                    closePacketOwed = true; // the next GET takes it; unless none comes in time
                    vertx.setTimer(options.pingTimeout().toMillis(), ignored -> execute(() -> server.remove(this)));
                }
            } else {
                if (pendingPoll != null) {
                    respondPoll(pendingPoll, List.of(ending == Ending.CLIENT ? Packet.NOOP.encode()
                            : Packet.CLOSE.encode()));
                    pendingPoll = null;
                }
                buffer.clear();
                bufferedChars = 0;
                server.remove(this);
            }
        } else {
            server.remove(this);
            ServerWebSocket ws = webSocket;
            if (ending == Ending.SERVER && queue != null) {
                queue.push(WebSocketOut.CLOSE_AFTER_WRITES); // after what is queued, no close packet (as the reference server)
            } else if (!ws.isClosed()) {
                ws.close();
            }
        }
        LOG.debugf("Engine.IO session %s closed: %s", id, reason);
        EngineListener current = listener;
        listener = EngineListener.NONE;
        current.onClose(reason);
    }

    // ------------------------------------------------------------------ heartbeat

    private void schedulePing() {
        pingTimer = vertx.setTimer(options.pingInterval().toMillis(), ignored -> execute(() -> {
            if (closed) {
                return;
            }
            enqueue(Packet.PING.encode());
            pingTimeoutTimer = vertx.setTimer(options.pingTimeout().toMillis(),
                    ignored2 -> execute(() -> closeNow("ping timeout", Ending.ERROR)));
        }));
    }

    private void onPong() {
        cancel(pingTimeoutTimer);
        pingTimeoutTimer = -1;
        cancel(pingTimer);
        schedulePing();
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    // ------------------------------------------------------------------ outbound

    private void enqueue(String encoded) {
        if (closed) {
            return;
        }
        if (transport == Transport.WEBSOCKET) {
            queue.push(encoded);
            return;
        }
        buffer.add(encoded);
        bufferedChars += encoded.length();
        if (buffer.size() > options.outbound().maxFrames() + 1
                || bufferedChars > (long) options.outbound().maxChars() + encoded.length()) {
            LOG.debugf("Engine.IO session %s: %s", id, OutboundQueue.OVERFLOW_REASON);
            closeNow("transport full", Ending.ERROR);
            return;
        }
        if (pendingPoll != null && !flushScheduled) {
            // on the next turn of the loop, so that what is sent in one go leaves in one payload
            flushScheduled = true;
            context.runOnContext(ignored -> execute(() -> {
                flushScheduled = false;
                if (pendingPoll != null && !buffer.isEmpty()) {
                    flush();
                }
            }));
        }
    }

    /** Answers the waiting GET with everything buffered. */
    private void flush() {
        List<String> packets = new ArrayList<>(buffer);
        buffer.clear();
        bufferedChars = 0;
        RoutingContext poll = pendingPoll;
        pendingPoll = null;
        respondPoll(poll, packets);
    }

    private void respondPoll(RoutingContext ctx, List<String> packets) {
        server.cors(ctx);
        ctx.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end(Packet.encodePayload(packets));
    }

    // ------------------------------------------------------------------ polling requests

    void onPoll(RoutingContext ctx) {
        if (closed) {
            if (closePacketOwed) {
                closePacketOwed = false;
                List<String> packets = new ArrayList<>(buffer);
                buffer.clear();
                respondPoll(ctx, packets);
                server.remove(this);
            } else {
                server.fail(ctx, EngineError.UNKNOWN_SID);
            }
            return;
        }
        if (transport == Transport.WEBSOCKET) {
            server.fail(ctx, EngineError.BAD_REQUEST);
            return;
        }
        if (pendingPoll != null) {
            // two GETs at once: the protocol closes the session (the first GET gets the close packet)
            server.fail(ctx, EngineError.BAD_REQUEST);
            closeNow("transport error: overlapping polls", Ending.ERROR);
            return;
        }
        if (!buffer.isEmpty()) {
            pendingPoll = ctx;
            flush();
            return;
        }
        if (upgrading) {
            respondPoll(ctx, List.of(Packet.NOOP.encode()));
            return;
        }
        pendingPoll = ctx;
        ctx.response().closeHandler(ignored -> execute(() -> {
            if (pendingPoll == ctx) {
                pendingPoll = null;
                closeNow("transport close: poll cancelled", Ending.ERROR);
            }
        }));
    }

    void onPost(RoutingContext ctx, String body) {
        if (closed) {
            server.fail(ctx, EngineError.UNKNOWN_SID);
            return;
        }
        if (transport == Transport.WEBSOCKET) {
            server.fail(ctx, EngineError.BAD_REQUEST);
            return;
        }
        List<Packet> packets;
        try {
            packets = Packet.decodePayload(body);
        } catch (IllegalArgumentException e) {
            server.fail(ctx, EngineError.BAD_REQUEST);
            closeNow("parse error", Ending.ERROR);
            return;
        }
        for (Packet packet : packets) {
            if (closed) {
                break;
            }
            onPacket(packet);
        }
        server.cors(ctx);
        ctx.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end("ok");
    }

    void onPostTooLarge(RoutingContext ctx) {
        server.cors(ctx);
        ctx.response().setStatusCode(413).putHeader("Connection", "close").end();
        closeNow("transport error: payload too large", Ending.ERROR);
    }

    // ------------------------------------------------------------------ websocket

    /** The session's websocket from its start (no polling). */
    void attachWebSocket(ServerWebSocket ws) {
        webSocket = ws;
        queue = new OutboundQueue(new WebSocketOut(ws), options.outbound(),
                () -> LOG.debugf("Engine.IO session %s: %s", id, OutboundQueue.OVERFLOW_REASON));
        wire(ws);
    }

    /** Whether a websocket may be probed for this session now (checked again once it is open). */
    boolean acceptsProbe() {
        return !closed && transport == Transport.POLLING && probe == null;
    }

    /** A websocket opened with this session's id: the upgrade's probe transport. */
    void attachProbe(ServerWebSocket ws) {
        if (!acceptsProbe()) {
            ws.close((short) 1002, "Bad request");
            return;
        }
        probe = ws;
        wire(ws);
    }

    /** Vert.x's report of a message over {@code HttpServerOptions.maxWebSocketMessageSize} (an IllegalStateException). */
    private static boolean tooBig(Throwable failure) {
        String message = failure.getMessage();
        return message != null && message.contains("overflow max message size");
    }

    private void wire(ServerWebSocket ws) {
        ws.textMessageHandler(text -> execute(() -> onWebSocketText(ws, text)));
        ws.binaryMessageHandler(data -> execute(() -> onWebSocketBinary(ws, data.getBytes())));
        ws.exceptionHandler(failure -> {
            LOG.debugf("Engine.IO session %s websocket: %s", id, failure.getMessage());
            if (tooBig(failure)) {
                // Vert.x drops a message over the server's max message size and only reports it: close as RFC 6455 says
                ws.close((short) 1009, "Message too big");
            }
        });
        ws.closeHandler(ignored -> execute(() -> {
            if (ws == probe) {
                probe = null;
                upgrading = false;
                cancel(upgradeTimer);
            } else if (ws == webSocket) {
                closeNow("transport close", Ending.ERROR);
            }
        }));
    }

    private void onWebSocketText(ServerWebSocket ws, String text) {
        if (closed) {
            return;
        }
        if (ws == probe) {
            onProbeText(ws, text);
            return;
        }
        if (ws != webSocket) {
            return;
        }
        Packet packet;
        try {
            packet = Packet.decode(text);
            if (packet.isBinary()) {
                throw new IllegalArgumentException("base64 packet on a websocket");
            }
        } catch (IllegalArgumentException e) {
            closeNow("parse error", Ending.ERROR);
            return;
        }
        onPacket(packet);
    }

    private void onWebSocketBinary(ServerWebSocket ws, byte[] data) {
        if (closed || ws != webSocket) {
            return;
        }
        onPacket(Packet.binary(data));
    }

    private void onProbeText(ServerWebSocket ws, String text) {
        if ("2probe".equals(text) && !upgrading) {
            ws.writeTextMessage("3probe");
            upgrading = true;
            upgradeTimer = vertx.setTimer(options.upgradeTimeout().toMillis(), ignored -> execute(() -> {
                if (probe == ws) {
                    probe = null;
                    upgrading = false;
                    ws.close();
                }
            }));
            if (pendingPoll != null) {
                // the client pauses polling: end the waiting GET (with what waits, or a noop)
                if (buffer.isEmpty()) {
                    respondPoll(pendingPoll, List.of(Packet.NOOP.encode()));
                    pendingPoll = null;
                } else {
                    flush();
                }
            }
        } else if ("5".equals(text) && upgrading) {
            cancel(upgradeTimer);
            upgrading = false;
            probe = null;
            if (pendingPoll != null) {
                respondPoll(pendingPoll, List.of(Packet.NOOP.encode()));
                pendingPoll = null;
            }
            attachWebSocket(ws);
            transport = Transport.WEBSOCKET;
            for (String packet : buffer) {
                queue.push(packet);
            }
            buffer.clear();
            bufferedChars = 0;
            LOG.debugf("Engine.IO session %s upgraded to websocket", id);
        } else {
            probe = null;
            upgrading = false;
            cancel(upgradeTimer);
            ws.close();
        }
    }

    // ------------------------------------------------------------------ inbound packets

    private void onPacket(Packet packet) {
        switch (packet.type()) {
            case PONG -> onPong();
            case MESSAGE -> {
                if (packet.isBinary()) {
                    listener.onBinary(packet.binary());
                } else {
                    listener.onMessage(packet.text());
                }
            }
            case CLOSE -> closeNow("transport close", Ending.CLIENT);
            case NOOP, PING, UPGRADE -> {
                // v4 clients do not ping; an upgrade packet only counts on a probed websocket
            }
            case OPEN -> closeNow("parse error", Ending.ERROR);
        }
    }

    /** Writes the session's packets on its websocket: {@code b...} as a binary frame of the decoded bytes. */
    private static final class WebSocketOut implements OutboundQueue.Socket {
        /** Not a packet (every packet has a type): closes the websocket once what was queued before it is written. */
        static final String CLOSE_AFTER_WRITES = "";

        private final ServerWebSocket ws;

        WebSocketOut(ServerWebSocket ws) {
            this.ws = ws;
        }

        @Override
        public Uni<Void> sendText(String text) {
            if (text.isEmpty()) {
                return Uni.createFrom().completionStage(() -> ws.close().toCompletionStage());
            }
            return Uni.createFrom().completionStage(() -> (text.startsWith("b")
                    ? ws.writeBinaryMessage(Buffer.buffer(Base64.getDecoder().decode(text.substring(1))))
                    : ws.writeTextMessage(text)).toCompletionStage());
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            return Uni.createFrom().completionStage(() -> ws.close((short) code, reason).toCompletionStage());
        }
    }
}
