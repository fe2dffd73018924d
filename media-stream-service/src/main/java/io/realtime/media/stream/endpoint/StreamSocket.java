package io.realtime.media.stream.endpoint;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
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
import io.realtime.media.config.StreamConfig;
import io.realtime.media.connection.Outbound;
import io.realtime.media.connection.SessionRegistry;
import io.realtime.media.connection.StreamConnection;
import io.realtime.media.protocol.ClientFrame;
import io.realtime.media.protocol.ClientFrameDecoder;
import io.realtime.media.protocol.ServerFrame;
import io.realtime.media.stream.service.SessionService;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.HandshakeTokens;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * {@code ws://HOST/api/stream/ws/{session_id}}: the session id is checked, then the token ({@code ?token=}, verified
 * whenever sent; required when {@code stream.auth.required}); the connection joins its session (at most
 * {@code stream.max-clients-per-session}) and gets {@code connection_established}. Refusals are an {@code error}
 * frame and a 1008 close whose reason says why. Every frame is decoded here and handled by {@link StreamDispatcher}
 * in the connection's turn.
 */
@WebSocket(path = "/api/stream/ws/{session_id}")
public class StreamSocket {

    /** RFC 6455 policy violation: the close of every refusal. */
    static final int REFUSED = 1008;
    /** RFC 6455 internal error: the session could not be joined (PostgreSQL unreachable, say). */
    static final int INTERNAL_ERROR = 1011;
    static final String WELCOME = "Connected to media stream session";
    static final String TOO_MANY_WAITING = "Too many frames waiting: wait for the answers before sending more";

    static final UserData.TypedKey<StreamConnection> LIVE = new UserData.TypedKey<>("stream-connection");

    private final SessionService sessions;
    private final SessionRegistry registry;
    private final Outbound outbound;
    private final ClientFrameDecoder decoder;
    private final StreamDispatcher dispatcher;
    private final WebSocketAuthenticator authenticator;
    private final SocketEndpoint socket;
    private final StreamConfig config;
    private final Clock clock;

    public StreamSocket(SessionService sessions, SessionRegistry registry, Outbound outbound,
            ClientFrameDecoder decoder, StreamDispatcher dispatcher, WebSocketAuthenticator authenticator,
            SocketEndpoints endpoints, StreamConfig config, Clock clock) {
        this.sessions = sessions;
        this.registry = registry;
        this.outbound = outbound;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.authenticator = authenticator;
        this.socket = endpoints.named(Outbound.ENDPOINT);
        this.config = config;
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        socket.opened(connection);
        String sessionId = connection.pathParam("session_id");
        if (!SessionService.isValidSessionId(sessionId)) {
            return refuse(connection, null, ErrorCode.VALIDATION_ERROR, SessionService.INVALID_SESSION);
        }
        String userId = null;
        Optional<String> token = HandshakeTokens.extract(handshake);
        if (token.isPresent() || config.auth().required()) {
            AuthResult result = authenticator.authenticate(handshake);
            if (result instanceof AuthResult.Rejected rejected) {
                return refuse(connection, sessionId, rejected.code(), rejected.code().defaultMessage() + ": "
                        + rejected.reason());
            }
            AuthResult.Authenticated user = (AuthResult.Authenticated) result;
            userId = user.userId();
            socket.expireAt(connection, user.expiresAt(), () -> refuse(connection, sessionId,
                    ErrorCode.AUTH_FAILED, SocketEndpoint.TOKEN_EXPIRED));
        }
        StreamConnection live = outbound.open(connection, sessionId, userId);
        connection.userData().put(LIVE, live);
        // the join is the connection's first job: frames that arrive meanwhile wait for it
        live.inTurn(() -> sessions.join(live.id(), sessionId, live.userId())
                .invoke(clients -> {
                    // queued before the session's events can reach it: the welcome is always the first frame
                    live.push(new ServerFrame.ConnectionEstablished(WELCOME, sessionId, live.id(), live.userId(),
                            clients, WireTime.now(clock)));
                    registry.add(live);
                })
                .replaceWithVoid()
                .onFailure(SessionService.SessionFullException.class).recoverWithUni(full -> refuse(connection,
                        sessionId, ErrorCode.TOO_MANY_CONNECTIONS, full.getMessage()))
                .onFailure().recoverWithUni(failure -> {
                    Log.errorf(failure, "Joining session %s failed", sessionId);
                    return refuse(connection, sessionId, ErrorCode.INTERNAL_ERROR,
                            ErrorCode.INTERNAL_ERROR.defaultMessage(), INTERNAL_ERROR);
                }));
        return Uni.createFrom().voidItem();
    }

    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String text) {
        socket.heard(connection);
        StreamConnection live = connection.userData().get(LIVE);
        if (live == null) {
            return Uni.createFrom().voidItem(); // refused; closing
        }
        DecodeResult<ClientFrame> decoded = decoder.decode(text);
        if (decoded instanceof DecodeResult.Failure<ClientFrame> failure) {
            socket.undecodable();
            return inTurn(live, () -> dispatcher.error(live, failure.error().code(), failure.error().message()));
        }
        DecodeResult.Success<ClientFrame> frame = (DecodeResult.Success<ClientFrame>) decoded;
        return inTurn(live, () -> socket.handle(frame.type(), () -> dispatcher.handle(frame.message(), live)));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, byte[] data) {
        socket.heard(connection);
        StreamConnection live = connection.userData().get(LIVE);
        if (live == null) {
            return Uni.createFrom().voidItem();
        }
        return socket.binary(() -> inTurn(live, () -> dispatcher.error(live, ErrorCode.VALIDATION_ERROR,
                SocketEndpoint.BINARY_REFUSED + " (media as base64 in 'data')")));
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        socket.heard(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        socket.closed(connection);
        StreamConnection live = connection.userData().get(LIVE);
        if (live != null) {
            registry.remove(live);
            // after the join (its turn comes first), so a connection that closes at once leaves no row behind
            boolean queued = live.inTurn(() -> dispatcher.closed(live).onFailure().recoverWithUni(failure -> {
                Log.warnf("Leaving session %s failed: %s", live.sessionId(), failure.getMessage());
                return Uni.createFrom().voidItem();
            }));
            if (!queued) {
                dispatcher.closed(live).subscribe().with(ignored -> {
                }, failure -> Log.warnf("Leaving session %s failed: %s", live.sessionId(), failure.getMessage()));
            }
        }
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable error) {
        StreamConnection live = connection.userData().get(LIVE);
        return socket.failed(connection, error, () -> live == null ? Uni.createFrom().voidItem()
                : dispatcher.error(live, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage()));
    }

    private Uni<Void> inTurn(StreamConnection live, Supplier<Uni<Void>> job) {
        return live.inTurn(job) ? Uni.createFrom().voidItem()
                : dispatcher.error(live, ErrorCode.RATE_LIMIT, TOO_MANY_WAITING);
    }

    /** An error frame saying why, then a 1008 close with the same reason (cut to the 123 bytes a close allows). */
    private Uni<Void> refuse(WebSocketConnection connection, String sessionId, ErrorCode code, String reason) {
        return refuse(connection, sessionId, code, reason, REFUSED);
    }

    private Uni<Void> refuse(WebSocketConnection connection, String sessionId, ErrorCode code, String reason,
            int closeCode) {
        StreamConnection refused = outbound.open(connection, sessionId, null); // never joined nor registered
        return dispatcher.error(refused, code, reason)
                .chain(() -> refused.close(closeCode, reason.length() > 120 ? reason.substring(0, 120) : reason));
    }
}
