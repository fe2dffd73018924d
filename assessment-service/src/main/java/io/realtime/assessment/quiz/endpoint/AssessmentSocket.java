package io.realtime.assessment.quiz.endpoint;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.assessment.connection.ConnectionRegistry;
import io.realtime.assessment.connection.Outbound;
import io.realtime.assessment.connection.Replies;
import io.realtime.assessment.connection.TakeoverMessaging;
import io.realtime.assessment.protocol.ClientMessage;
import io.realtime.assessment.protocol.ClientMessageDecoder;
import io.realtime.assessment.protocol.CloseCodes;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.assessment.quiz.service.AssessmentException;
import io.realtime.assessment.quiz.service.AssessmentService;
import io.realtime.kit.socket.SocketEndpoint;
import io.realtime.kit.socket.SocketEndpoints;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.AuthResult;
import io.realtime.security.websocket.UserIds;
import io.realtime.security.websocket.WebSocketAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * {@code ws://HOST/ws/assessment/{test_id}?token=JWT}. Opening: authentication, access to the test, then the
 * single-connection rule, then {@code auth_success}. Each frame is decoded here and handed to
 * {@link AssessmentDispatcher}; a connection's frames are handled one at a time, in order.
 */
@WebSocket(path = "/ws/assessment/{test_id}")
public class AssessmentSocket {


    private final WebSocketAuthenticator authenticator;
    private final AssessmentService assessments;
    private final ConnectionRegistry registry;
    private final TakeoverMessaging takeovers;
    private final ClientMessageDecoder decoder;
    private final AssessmentDispatcher dispatcher;
    private final Outbound outbound;
    private final SocketEndpoint socket;
    private final Clock clock;

    public AssessmentSocket(WebSocketAuthenticator authenticator, AssessmentService assessments,
            ConnectionRegistry registry, TakeoverMessaging takeovers, ClientMessageDecoder decoder,
            AssessmentDispatcher dispatcher, Outbound outbound, SocketEndpoints endpoints, Clock clock) {
        this.authenticator = authenticator;
        this.assessments = assessments;
        this.registry = registry;
        this.takeovers = takeovers;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.outbound = outbound;
        this.socket = endpoints.named(Outbound.ENDPOINT);
        this.clock = clock;
    }

    @OnOpen
    public Uni<Void> onOpen(WebSocketConnection connection, HandshakeRequest handshake) {
        socket.opened(connection);
        Replies replies = outbound.to(connection);
        AuthResult auth = authenticator.authenticate(handshake);
        if (!(auth instanceof AuthResult.Authenticated user)) {
            return refuse(replies, ErrorCode.AUTH_FAILED, ErrorCode.AUTH_FAILED.defaultMessage(),
                    CloseCodes.AUTH_FAILED);
        }
        long testId;
        try {
            testId = Long.parseLong(connection.pathParam("test_id"));
        } catch (NumberFormatException e) {
            return refuse(replies, ErrorCode.TEST_NOT_FOUND, "Test not found", CloseCodes.TEST_NOT_FOUND);
        }
        Instant openedAt = clock.instant();
        return assessments.admit(testId, user.userId())
                .chain(admission -> {
                    connection.userData().put(QuizSession.KEY,
                            new QuizSession(user.userId(), admission.testId(), replies));
                    registry.register(user.userId(), connection, admission.connectionOrder());
                    socket.expireAt(connection, user.expiresAt(), () -> refuse(replies, ErrorCode.AUTH_FAILED,
                            SocketEndpoint.TOKEN_EXPIRED, CloseCodes.AUTH_FAILED));
                    return replies.send(new ServerMessage.AuthSuccess(wireUserId(user.userId()),
                            connectionId(user.userId(), openedAt), WireTime.format(openedAt)))
                            .call(() -> takeovers.announce(user.userId(), connection.id(),
                                    admission.connectionOrder(), openedAt));
                })
                .onFailure(AssessmentException.class).recoverWithUni(failure -> {
                    AssessmentException refused = (AssessmentException) failure;
                    int close = refused.code() == ErrorCode.ACCESS_DENIED ? CloseCodes.ACCESS_DENIED
                            : CloseCodes.TEST_NOT_FOUND;
                    return refuse(replies, refused.code(), refused.getMessage(), close);
                });
    }

    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String text) {
        socket.heard(connection);
        QuizSession session = connection.userData().get(QuizSession.KEY);
        if (session == null) {
            return Uni.createFrom().voidItem(); // refused connection, closing
        }
        DecodeResult<ClientMessage> decoded = decoder.decode(text);
        if (decoded instanceof DecodeResult.Failure<ClientMessage> failure) {
            socket.undecodable();
            return session.replies().error(failure.error().code(), failure.error().message());
        }
        DecodeResult.Success<ClientMessage> frame = (DecodeResult.Success<ClientMessage>) decoded;
        return socket.handle(frame.type(), () -> dispatcher.dispatch(frame.message(), session));
    }

    @OnBinaryMessage
    public Uni<Void> onBinary(WebSocketConnection connection, byte[] data) {
        socket.heard(connection);
        QuizSession session = connection.userData().get(QuizSession.KEY);
        if (session == null) {
            return Uni.createFrom().voidItem(); // refused connection, closing
        }
        return socket.binary(() -> session.replies().error(ErrorCode.VALIDATION_ERROR,
                SocketEndpoint.BINARY_REFUSED));
    }

    @OnPongMessage
    public void onPong(WebSocketConnection connection, Buffer data) {
        socket.heard(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        socket.closed(connection);
        QuizSession session = connection.userData().get(QuizSession.KEY);
        if (session != null) {
            registry.unregister(session.userId(), connection);
        }
    }

    @OnError
    public Uni<Void> onError(WebSocketConnection connection, Throwable error) {
        return socket.failed(connection, error, () -> outbound.to(connection)
                .error(ErrorCode.ASSESSMENT_FAILED, "Assessment failed: an internal error occurred"));
    }

    private static Uni<Void> refuse(Replies replies, ErrorCode code, String text, int closeCode) {
        return replies.error(code, text)
                .chain(() -> replies.connection().close(new CloseReason(closeCode, text)));
    }

    /**
     * The guide shows {@code "user_id": 123}: numeric ids travel as numbers, unless a JavaScript client could not hold
     * them exactly (beyond 2^53 - 1), then as strings.
     */
    static Object wireUserId(String userId) {
        return UserIds.isExactNumber(userId) ? (Object) Long.parseLong(userId) : userId;
    }

    /** {@code <user_id>_<epoch seconds with millis>}, as the guide shows ({@code 123_1640995200.123}). */
    static String connectionId(String userId, Instant now) {
        long millis = now.toEpochMilli();
        return userId + "_" + (millis / 1000) + "." + String.format("%03d", millis % 1000);
    }
}
