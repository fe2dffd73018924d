package io.realtime.gateway.routing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.gateway.config.GatewayConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Keeps an Engine.IO (Socket.IO) session on the instance that holds it, for services with several instances. Polling
 * requests and the websocket upgrade carry the session's {@code sid}, and only the instance that answered the
 * handshake knows it (any other answers 400 "Session ID unknown"). So the gateway
 * <ul>
 * <li>reads each polling handshake's answer (the open packet) and remembers which instance issued its {@code sid}
 * ({@link EngineIoSessions}), and sends later requests with that {@code sid} there;</li>
 * <li>sets a cookie naming that instance ({@link AffinityCookie}) on the handshake's answer, which routes the
 * {@code sid}'s requests on a gateway replica that did not see the handshake, and sends a browser's next handshakes
 * to the same instance, so that the one cookie stays right for all the browser's sessions.</li>
 * </ul>
 * A request with a {@code sid} known neither way goes to any instance, which gives the protocol's answer. Other
 * requests, and websocket-only sessions (they open with an upgrade and send nothing else), need no affinity.
 */
@ApplicationScoped
public class SessionAffinity {

    /** An open packet is about a hundred bytes; larger handshake answers are relayed without being read. */
    private static final long MAX_OPEN_PACKET = 8192;

    private final Upstreams upstreams;
    private final EngineIoSessions sessions;
    private final AffinityCookie cookie;

    public SessionAffinity(GatewayConfig config, Upstreams upstreams) {
        this.upstreams = upstreams;
        this.sessions = new EngineIoSessions(config.sessionAffinity().maxSessions(),
                config.sessionAffinity().idleTimeout().toNanos(), System::nanoTime);
        this.cookie = new AffinityCookie(config.sessionAffinity().cookie());
    }

    /** @param path the request's normalised path (the handshake's cookie is for it) */
    Destination destination(String service, String path, HttpServerRequest request) {
        List<Instance> instances = upstreams.instances(service);
        Optional<EngineIoRequest> engineIo = instances.size() > 1 ? EngineIoRequest.of(request) : Optional.empty();
        if (engineIo.isEmpty()) {
            return Destination.anyInstance(service);
        }
        Optional<String> sid = engineIo.get().sid();
        if (sid.isPresent()) {
            Optional<Instance> holder = sessions.instanceOf(sid.get())
                    .or(() -> cookie.instanceIn(request, instances));
            return new Destination(service, holder, new SessionRequest(sid.get()));
        }
        if (engineIo.get().opensPollingSession()) {
            return new Destination(service, cookie.instanceIn(request, instances), new Handshake(path));
        }
        return Destination.anyInstance(service);
    }

    private static boolean isAtMost(String length, long max) {
        try {
            return Long.parseLong(length.trim()) <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Learns the session a polling handshake opened, and tells the client's cookie jar where it lives. */
    private final class Handshake implements AnswerHook {

        private final String path;

        Handshake(String path) {
            this.path = path;
        }

        @Override
        public boolean readsBody(HttpClientResponse answer) {
            String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
            return answer.statusCode() == 200 && length != null && isAtMost(length, MAX_OPEN_PACKET);
        }


        @Override
        public void answered(Instance instance, HttpClientResponse answer, Optional<Buffer> body,
                HttpServerResponse response) {
            body.flatMap(OpenPacket::sid).ifPresent(sid -> {
                sessions.remember(sid, instance);
                response.headers().add(HttpHeaders.SET_COOKIE, cookie.setCookie(instance, path));
            });
        }
    }

    /** A request of a session: a 400 means the session is gone (or never was there), so it is forgotten. */
    private final class SessionRequest implements AnswerHook {

        private final String sid;

        SessionRequest(String sid) {
            this.sid = sid;
        }

        @Override
        public void answered(Instance instance, HttpClientResponse answer, Optional<Buffer> body,
                HttpServerResponse response) {
            if (answer.statusCode() == 400) {
                sessions.forget(sid);
            }
        }
    }
}
