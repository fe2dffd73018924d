package io.realtime.docs.project.endpoint;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.quarkus.logging.Log;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.connection.SocketUser;
import io.realtime.docs.connection.UserSockets;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.security.token.TokenLifetime;
import io.realtime.security.websocket.UserIds;
import io.realtime.socketio.socket.ConnectRefused;
import io.realtime.socketio.socket.Handshake;
import io.realtime.socketio.socket.Middleware;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The {@code /} namespace's middleware: the CONNECT packet's {@code auth: {token}} (the guide's client-side auth) is
 * verified as common-security's {@code WebSocketAuthenticator} verifies handshakes: smallrye-jwt's {@link JWTParser}
 * (signature, expiry, issuer, audience), {@link TokenLifetime}, {@link UserIds}. A refusal is the client's
 * {@code connect_error}: {@code message} says why, {@code data.code} is {@code AUTH_REQUIRED} or {@code AUTH_FAILED}.
 * Verification runs on a worker thread, never the event loop.
 */
@ApplicationScoped
public class SocketIoAuthenticator implements Middleware {

    static final String NO_TOKEN = "Authentication required: connect with auth: {token: '<JWT>'}";

    private final JWTParser parser;
    private final TokenLifetime lifetime;
    private final DocsConfig config;
    private final UserSockets userSockets;

    public SocketIoAuthenticator(JWTParser parser, TokenLifetime lifetime, DocsConfig config,
            UserSockets userSockets) {
        this.parser = parser;
        this.lifetime = lifetime;
        this.config = config;
        this.userSockets = userSockets;
    }

    @Override
    public CompletionStage<?> admit(Handshake handshake) {
        JsonNode token = handshake.auth().path("token");
        if (token.isMissingNode() || token.isNull()) {
            if (!config.auth().required()) {
                return CompletableFuture.completedFuture(SocketUser.ANONYMOUS);
            }
            return CompletableFuture.failedFuture(refused(ErrorCode.AUTH_REQUIRED, NO_TOKEN));
        }
        if (!token.isTextual() || token.asText().isBlank()) {
            return CompletableFuture.failedFuture(refused(ErrorCode.AUTH_FAILED, "auth.token must be a JWT string"));
        }
        return CompletableFuture.supplyAsync(() -> verify(token.asText()), Infrastructure.getDefaultWorkerPool());
    }

    private SocketUser verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw refused(ErrorCode.AUTH_FAILED, "Invalid or expired token");
        } catch (RuntimeException e) {
            throw refused(ErrorCode.AUTH_FAILED, "Token with unreadable claims");
        }
        Optional<String> problem = lifetime.problem(jwt);
        if (problem.isPresent()) {
            throw refused(ErrorCode.AUTH_FAILED, problem.get());
        }
        String userId = UserIds.find(jwt).orElseThrow(() -> refused(ErrorCode.AUTH_FAILED, "Token has no user id"));
        if (userSockets.count(userId) >= config.socketio().maxConnectionsPerUser()) {
            throw refused(ErrorCode.TOO_MANY_CONNECTIONS, tooMany(config.socketio().maxConnectionsPerUser()));
        }
        return new SocketUser(userId, Instant.ofEpochSecond(jwt.getExpirationTime()));
    }

    static String tooMany(int max) {
        return "Too many connections: at most " + max + " per user";
    }

    private static ConnectRefused refused(ErrorCode code, String message) {
        Log.infof("Socket.IO connection refused: %s", message);
        return new ConnectRefused(message, JsonNodeFactory.instance.objectNode().put("code", code.name()));
    }
}
