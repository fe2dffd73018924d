package io.realtime.messaging.chat.endpoint;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.socket.SocketEndpoint;
import io.realtime.kit.socket.SocketEndpoints;
import io.realtime.messaging.chat.service.ReplayService;
import io.realtime.messaging.connection.ConnectionRegistry;
import io.realtime.messaging.connection.EventFrames;
import io.realtime.messaging.connection.LiveConnection;
import io.realtime.messaging.connection.Outbound;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.protocol.ClientEvent;
import io.realtime.messaging.protocol.ClientEventDecoder;
import io.realtime.messaging.protocol.CloseCodes;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.HandshakeQuery;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * {@code ws://HOST/ws?token=JWT[&lastMessageId=ID | &since=ISO-8601]}: authenticates, replays what the client missed,
 * then goes live. Each frame is decoded here and handed to {@link MessagingDispatcher}.
 */
@WebSocket(path = "/ws")
public class MessagingSocket {

    static final UserData.TypedKey<LiveConnection> LIVE = new UserData.TypedKey<>("live-connection");

    private final WebSocketAuthenticator authenticator;
    private final ConnectionRegistry registry;
    private final ReplayService replay;
    private final EventFrames frames;
    private final Outbound outbound;
    private final ClientEventDecoder decoder;
    private final MessagingDispatcher dispatcher;
    private final SocketEndpoint socket;
    private final MessagingConfig config;
    private final Clock clock;

    public MessagingSocket(WebSocketAuthenticator authenticator, ConnectionRegistry registry, ReplayService replay,
            EventFrames frames, Outbound outbound, ClientEventDecoder decoder, MessagingDispatcher dispatcher,
            SocketEndpoints endpoints, MessagingConfig config, Clock clock) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.replay = replay;
        this.frames = frames;
        this.outbound = outbound;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.socket = endpoints.named(Outbound.ENDPOINT);
        this.config = config;
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        socket.opened(connection);
        AuthResult result = authenticator.authenticate(handshake);
        if (!(result instanceof AuthResult.Authenticated user)) {
            AuthResult.Rejected rejected = (AuthResult.Rejected) result;
            String message = rejected.code() == ErrorCode.AUTH_REQUIRED
                    ? "Authentication required: no token provided"
                    : "Authentication failed: invalid or expired token";
            return refuse(connection, message, rejected.code(), CloseCodes.AUTH_FAILED);
        }
        LiveConnection live = outbound.live(connection, user.userId());
        if (!registry.tryAdd(live, config.maxConnectionsPerUser())) {
            return refuse(connection, "Too many connections: at most " + config.maxConnectionsPerUser() + " per user",
                    ErrorCode.TOO_MANY_CONNECTIONS, CloseCodes.TOO_MANY_CONNECTIONS);
        }
        connection.userData().put(LIVE, live); // registered: holds live events until the replay below is sent
        socket.expireAt(connection, user.expiresAt(), () -> refuse(connection, SocketEndpoint.TOKEN_EXPIRED,
                ErrorCode.AUTH_FAILED, CloseCodes.AUTH_FAILED));
        return live.reply(new ServerEvent.ConnectionAuthenticated(connection.id(), WireTime.now(clock)))
                .chain(() -> replay.missed(user.userId(), HandshakeQuery.param(handshake, "lastMessageId"),
                        HandshakeQuery.param(handshake, "since")))
                .chain(missed -> {
                    Set<String> replayed = new HashSet<>();
                    Uni<Void> sends = Uni.createFrom().voidItem();
                    for (Message message : missed) {
                        replayed.add(message.messageId);
                        sends = sends.chain(() -> live.reply(toFrame(message)));
                    }
                    return sends.invoke(() -> live.goLive(replayed, frames));
                })
                .onFailure().invoke(e -> {
                    Log.warnf("Replay for %s failed: %s", connection.id(), e.getMessage());
                    live.goLive(Set.of(), frames);
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String text) {
        socket.heard(connection);
        LiveConnection live = connection.userData().get(LIVE);
        if (live == null) {
            return Uni.createFrom().voidItem(); // refused connection, closing
        }
        DecodeResult<ClientEvent> decoded = decoder.decode(text);
        if (decoded instanceof DecodeResult.Failure<ClientEvent> failure) {
            socket.undecodable();
            return dispatcher.rejectFrame(live, text, failure);
        }
        DecodeResult.Success<ClientEvent> frame = (DecodeResult.Success<ClientEvent>) decoded;
        return socket.handle(frame.type(), () -> frame.message().dispatch(dispatcher, live));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, byte[] data) {
        socket.heard(connection);
        LiveConnection live = connection.userData().get(LIVE);
        if (live == null) {
            return Uni.createFrom().voidItem(); // refused connection, closing
        }
        return socket.binary(() -> live.reply(new ServerEvent.ConnectionError(SocketEndpoint.BINARY_REFUSED,
                ErrorCode.VALIDATION_ERROR.name(), WireTime.now(clock))));
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        socket.heard(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        socket.closed(connection);
        LiveConnection live = connection.userData().get(LIVE);
        if (live != null) {
            registry.remove(live);
        }
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable error) {
        return socket.failed(connection, error, () -> outbound.send(connection,
                new ServerEvent.ConnectionError("Internal server error", ErrorCode.INTERNAL_ERROR.name(),
                        WireTime.now(clock))));
    }

    /** {@code connection:error} with the code, then a close whose reason is the code. */
    private Uni<Void> refuse(WebSocketConnection connection, String message, ErrorCode code, int closeCode) {
        return outbound.send(connection, new ServerEvent.ConnectionError(message, code.name(), WireTime.now(clock)))
                .chain(() -> connection.close(new CloseReason(closeCode, code.name())));
    }

    private static ServerEvent toFrame(Message message) {
        String time = WireTime.format(message.createdAt);
        if (Message.ROLE_ASSISTANT.equals(message.role)) {
            return new ServerEvent.MessageStream(message.messageId, message.conversationId.toString(), message.content,
                    true, time);
        }
        return new ServerEvent.MessageReceive(message.messageId, message.conversationId.toString(), message.content,
                message.senderId, time);
    }
}
