package io.realtime.messaging.connection.endpoint;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.messaging.chat.service.ReplayService;
import io.realtime.messaging.connection.service.ConnectionRegistry;
import io.realtime.messaging.connection.service.EventFrames;
import io.realtime.messaging.connection.service.LiveConnection;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.protocol.ClientEvent;
import io.realtime.messaging.protocol.ClientEventDecoder;
import io.realtime.messaging.protocol.CloseCodes;
import io.realtime.messaging.protocol.EventWriter;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.HandshakeQuery;
import io.realtime.security.websocket.SocketErrors;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;

/**
 * {@code ws://HOST/ws?token=JWT[&lastMessageId=ID | &since=ISO-8601]}: authenticates, replays what the client missed,
 * then goes live. Each event is handled by {@link ChatHandler}.
 */
@WebSocket(path = "/ws")
public class MessagingSocket {

    static final UserData.TypedKey<LiveConnection> LIVE = new UserData.TypedKey<>("live-connection");

    private final WebSocketAuthenticator authenticator;
    private final ConnectionRegistry registry;
    private final ReplayService replay;
    private final EventFrames frames;
    private final EventWriter writer;
    private final ClientEventDecoder decoder;
    private final ChatHandler handler;
    private final Clock clock;

    public MessagingSocket(WebSocketAuthenticator authenticator, ConnectionRegistry registry, ReplayService replay,
            EventFrames frames, EventWriter writer, ClientEventDecoder decoder, ChatHandler handler, Clock clock) {
        this.authenticator = authenticator;
        this.registry = registry;
        this.replay = replay;
        this.frames = frames;
        this.writer = writer;
        this.decoder = decoder;
        this.handler = handler;
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        AuthResult result = authenticator.authenticate(handshake);
        if (!(result instanceof AuthResult.Authenticated user)) {
            AuthResult.Rejected rejected = (AuthResult.Rejected) result;
            String message = rejected.code() == ErrorCode.AUTH_REQUIRED
                    ? "Authentication required: no token provided"
                    : "Authentication failed: invalid or expired token";
            return connection.sendText(writer.write(
                    new ServerEvent.ConnectionError(message, rejected.code().name(), WireTime.now(clock))))
                    .chain(() -> connection.close(new CloseReason(CloseCodes.AUTH_FAILED, rejected.code().name())));
        }
        LiveConnection live = new LiveConnection(connection, user.userId());
        connection.userData().put(LIVE, live);
        registry.add(live); // holds live events until the replay below is sent
        return connection.sendText(writer.write(new ServerEvent.ConnectionAuthenticated(connection.id(),
                WireTime.now(clock))))
                .chain(() -> replay.missed(user.userId(), HandshakeQuery.param(handshake, "lastMessageId"),
                        HandshakeQuery.param(handshake, "since")))
                .chain(missed -> {
                    Set<String> replayed = new HashSet<>();
                    Uni<Void> sends = Uni.createFrom().voidItem();
                    for (Message message : missed) {
                        replayed.add(message.messageId);
                        sends = sends.chain(() -> connection.sendText(writer.write(toFrame(message))));
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
        LiveConnection live = connection.userData().get(LIVE);
        if (live == null) {
            return Uni.createFrom().voidItem(); // refused connection, closing
        }
        DecodeResult<ClientEvent> decoded = decoder.decode(text);
        if (decoded instanceof DecodeResult.Failure<ClientEvent> failure) {
            return handler.rejectFrame(live, text, failure);
        }
        return handler.handle(live, ((DecodeResult.Success<ClientEvent>) decoded).message());
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        LiveConnection live = connection.userData().get(LIVE);
        if (live != null) {
            registry.remove(live);
        }
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable error) {
        if (SocketErrors.isMessageTooBig(error)) {
            return connection.close(new CloseReason(SocketErrors.MESSAGE_TOO_BIG, "Message too big"));
        }
        if (SocketErrors.isClientGone(error)) {
            return Uni.createFrom().voidItem(); // the client went away mid-send
        }
        Log.errorf(error, "Unexpected error on connection %s", connection.id());
        return connection.isClosed() ? Uni.createFrom().voidItem()
                : connection.sendText(writer.write(new ServerEvent.ConnectionError("Internal server error",
                        ErrorCode.INTERNAL_ERROR.name(), WireTime.now(clock))));
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
