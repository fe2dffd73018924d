package io.realtime.docs.project.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.connection.Rooms;
import io.realtime.docs.connection.SocketIo;
import io.realtime.docs.connection.SocketUser;
import io.realtime.docs.connection.UserSockets;
import io.realtime.docs.project.domain.ProjectAccess;
import io.realtime.docs.project.service.ProjectAccessService;
import io.realtime.kit.time.Timers;
import io.realtime.protocol.wire.WireTime;
import io.realtime.socketio.socket.Event;
import io.realtime.socketio.socket.Namespace;
import io.realtime.socketio.socket.Socket;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;

/**
 * The guide's Socket.IO events on the {@code /} namespace at {@code /socket.io/}: {@code connection_status} right
 * after connect, {@code join_project} / {@code leave_project} (one room {@code project_{id}} at a time, members
 * only), {@code ping} / {@code pong}; every refusal an {@code error} event {@code {message}}. Connection metadata
 * (the guide's {@code connected_at}, {@code project_id}, {@code chat_id}) lives in the socket's attributes.
 */
@ApplicationScoped
public class ProjectSocket {

    static final String CONNECTED_AT = "connected_at";
    static final String PROJECT_ID = "project_id";
    private static final String ROOM_STEPS = "room-steps";

    static final String TOKEN_EXPIRED = "Authentication failed: the token has expired; reconnect with a new token";

    private final SocketIo io;
    private final SocketIoAuthenticator authenticator;
    private final ProjectAccessService access;
    private final Timers timers;
    private final Clock clock;
    private final UserSockets userSockets;
    private final DocsConfig config;

    public ProjectSocket(SocketIo io, SocketIoAuthenticator authenticator, ProjectAccessService access,
            Timers timers, Clock clock, UserSockets userSockets, DocsConfig config) {
        this.io = io;
        this.authenticator = authenticator;
        this.access = access;
        this.timers = timers;
        this.clock = clock;
        this.userSockets = userSockets;
        this.config = config;
    }

    void mount(@Observes Router router) {
        Namespace root = io.server().namespace("/");
        root.use(authenticator).onConnection(this::connected);
        io.server().mount(router);
        Log.infof("Socket.IO served at %s", io.server().options().engine().path());
    }

    private void connected(Socket socket) {
        SocketUser user = socket.principal();
        if (user != null && user.userId() != null) {
            int max = config.socketio().maxConnectionsPerUser();
            if (!userSockets.tryAdd(user.userId(), max)) { // others connected since the middleware's check
                socket.emit("error", Map.of("message", SocketIoAuthenticator.tooMany(max)));
                socket.disconnect(true);
                return;
            }
            socket.onDisconnect(reason -> userSockets.remove(user.userId()));
        }
        socket.attributes().put(CONNECTED_AT, WireTime.now(clock));
        socket.on("join_project", event -> join(socket, event));
        socket.on("leave_project", event -> leave(socket, event));
        socket.on("ping", event -> reply(socket, event, "pong", Map.of("timestamp", clock.millis())));
        socket.onAny(event -> error(socket, event, "Unknown event: " + printable(event.name())));
        if (user != null && user.expiresAt() != null) {
            expireAt(socket, user.expiresAt());
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", "connected");
        status.put("sid", socket.id());
        if (user != null && user.userId() != null) {
            status.put("user_id", user.userId());
        }
        socket.emit("connection_status", status);
    }

    /**
     * Joins run one after the other per socket (the membership check is asynchronous), so that after
     * {@code join A, join B} the socket is in B whatever order the checks finish in.
     */
    private void join(Socket socket, Event event) {
        Long projectId = projectId(socket, event);
        if (projectId == null) {
            return;
        }
        SocketUser user = socket.principal();
        inTurn(socket, () -> access.access(projectId, user == null ? null : user.userId()).map(result -> {
            if (result != ProjectAccess.MEMBER) {
                error(socket, event, "Project " + projectId + " not found");
                return null;
            }
            Object previous = socket.attributes().get(PROJECT_ID);
            if (previous != null && !previous.equals(projectId)) {
                socket.leave(Rooms.project((Long) previous));
            }
            socket.join(Rooms.project(projectId));
            socket.attributes().put(PROJECT_ID, projectId);
            reply(socket, event, "project_joined", Map.of("project_id", projectId));
            return null;
        }).onFailure().recoverWithItem(failure -> {
            Log.warnf(failure, "join_project %d failed", projectId);
            error(socket, event, "Could not join project " + projectId + ": service unavailable, try again");
            return null;
        }));
    }

    private void leave(Socket socket, Event event) {
        Long projectId = projectId(socket, event);
        if (projectId == null) {
            return;
        }
        inTurn(socket, () -> {
            if (!projectId.equals(socket.attributes().get(PROJECT_ID))) {
                error(socket, event, "Not in project " + projectId);
            } else {
                socket.leave(Rooms.project(projectId));
                socket.attributes().remove(PROJECT_ID);
                reply(socket, event, "project_left", Map.of("project_id", projectId));
            }
            return Uni.createFrom().nullItem();
        });
    }

    /** Runs {@code step} after the socket's previous room step has finished. */
    private static void inTurn(Socket socket, Supplier<Uni<Object>> step) {
        synchronized (socket) {
            @SuppressWarnings("unchecked")
            CompletableFuture<Object> previous = (CompletableFuture<Object>) socket.attributes()
                    .getOrDefault(ROOM_STEPS, CompletableFuture.completedFuture(null));
            socket.attributes().put(ROOM_STEPS, previous.thenCompose(ignored -> step.get()
                    .subscribeAsCompletionStage()));
        }
    }

    /** The event's {@code project_id}, a positive integer; null after answering an {@code error}. */
    private static Long projectId(Socket socket, Event event) {
        JsonNode data = event.arg();
        if (!data.isObject()) {
            error(socket, event, "Invalid data for " + event.name()
                    + ": expected an object like {project_id: 1}");
            return null;
        }
        JsonNode id = data.path("project_id");
        if (id.isMissingNode() || id.isNull()) {
            error(socket, event, "project_id is required");
            return null;
        }
        if (!id.isNumber() || !id.canConvertToExactIntegral() || !id.canConvertToLong() || id.asLong() < 1) {
            error(socket, event, "project_id must be a positive integer");
            return null;
        }
        return id.asLong();
    }

    /**
     * A socket does not outlive the token that opened it: at its expiry the client gets an {@code error} and is
     * disconnected by the server (the official client does not reconnect by itself then; it must reconnect with a
     * new token).
     */
    private void expireAt(Socket socket, Instant expiresAt) {
        Timers.Timer expiry = timers.schedule(Duration.between(clock.instant(), expiresAt), () -> {
            socket.emit("error", Map.of("message", TOKEN_EXPIRED));
            socket.disconnect(true);
        });
        socket.onDisconnect(reason -> expiry.cancel());
    }

    /** An event name as it may be shown back: at most 64 characters, control characters replaced. */
    private static String printable(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }


    private static void error(Socket socket, Event event, String message) {
        reply(socket, event, "error", Map.of("message", message));
    }

    /** Emits the answer; a client that asked for an acknowledgement also gets the answer's data through it. */
    private static void reply(Socket socket, Event event, String name, Object data) {
        socket.emit(name, data);
        if (event.wantsAck()) {
            event.ack().send(data);
        }
    }
}
