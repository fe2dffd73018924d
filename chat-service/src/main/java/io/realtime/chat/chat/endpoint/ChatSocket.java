package io.realtime.chat.chat.endpoint;

import java.time.Clock;

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
import io.realtime.chat.connection.ChatConnection;
import io.realtime.chat.connection.Outbound;
import io.realtime.chat.protocol.ClientFrame;
import io.realtime.chat.protocol.ClientFrameDecoder;
import io.realtime.chat.protocol.ErrorTypes;
import io.realtime.chat.protocol.ServerFrame;
import io.realtime.chat.session.domain.SessionStatus;
import io.realtime.chat.session.service.SessionException;
import io.realtime.chat.session.service.SessionService;
import io.realtime.kit.socket.SocketEndpoint;
import io.realtime.kit.socket.SocketEndpoints;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.security.websocket.HandshakeQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * {@code ws://HOST/ws/chat/[?session_id=&visitor_id=]}: anonymous, as the guide says. {@code connected} at once (with
 * the session's id and conversation_data when the URL names the visitor's session); each frame is decoded here and
 * handed to {@link ChatDispatcher}.
 */
@WebSocket(path = "/ws/chat")
public class ChatSocket {

    static final UserData.TypedKey<ChatConnection> LIVE = new UserData.TypedKey<>("chat-connection");

    private final SessionService sessions;
    private final Outbound outbound;
    private final ClientFrameDecoder decoder;
    private final ChatDispatcher dispatcher;
    private final SocketEndpoint socket;
    private final Clock clock;

    public ChatSocket(SessionService sessions, Outbound outbound, ClientFrameDecoder decoder,
            ChatDispatcher dispatcher, SocketEndpoints endpoints, Clock clock) {
        this.sessions = sessions;
        this.outbound = outbound;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.socket = endpoints.named(Outbound.ENDPOINT);
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        socket.opened(connection);
        ChatConnection live = outbound.open(connection);
        connection.userData().put(LIVE, live);
        String sessionId = HandshakeQuery.param(handshake, "session_id").orElse(null);
        String visitorId = HandshakeQuery.param(handshake, "visitor_id").orElse(null);
        if (sessionId == null) {
            return live.send(ServerFrame.Connected.of(null, null));
        }
        return sessions.findForVisitor(sessionId, visitorId).chain(session -> {
            if (session == null) {
                return live.send(ServerFrame.Connected.of(null, null)).chain(() -> live.send(ServerFrame.Error.of(
                        null, SessionException.NOT_FOUND, ErrorTypes.PROCESSING)));
            }
            live.bind(session.id, session.visitorId);
            if (session.statusAt(clock.instant()) == SessionStatus.ACTIVE) {
                dispatcher.watchIdle(live);
            }
            return live.send(ServerFrame.Connected.of(session.id.toString(), session.orderedData()));
        });
    }

    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String text) {
        socket.heard(connection);
        ChatConnection live = connection.userData().get(LIVE);
        DecodeResult<ClientFrame> decoded = decoder.decode(text);
        if (decoded instanceof DecodeResult.Failure<ClientFrame> failure) {
            socket.undecodable();
            return dispatcher.rejectFrame(live, failure);
        }
        DecodeResult.Success<ClientFrame> frame = (DecodeResult.Success<ClientFrame>) decoded;
        return socket.handle(frame.type(), () -> frame.message().dispatch(dispatcher, live));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, byte[] data) {
        socket.heard(connection);
        ChatConnection live = connection.userData().get(LIVE);
        return socket.binary(() -> dispatcher.rejectFrame(live, SocketEndpoint.BINARY_REFUSED));
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        socket.heard(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        socket.closed(connection);
        ChatConnection live = connection.userData().get(LIVE);
        if (live != null) {
            live.closed();
        }
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable error) {
        ChatConnection live = connection.userData().get(LIVE);
        return socket.failed(connection, error, () -> live == null ? Uni.createFrom().voidItem()
                : live.send(ServerFrame.Error.of(null, "Internal server error", ErrorTypes.INTERNAL)));
    }
}
