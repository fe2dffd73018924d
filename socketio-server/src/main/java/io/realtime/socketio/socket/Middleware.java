package io.realtime.socketio.socket;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a client may connect to a namespace (authentication, say): complete normally to admit it, fail
 * with {@link ConnectRefused} to refuse it (any other failure refuses with a generic message). May complete on any
 * thread. What it returns is kept on the socket as its {@link Socket#principal()} when not null.
 */
@FunctionalInterface
public interface Middleware {

    CompletionStage<?> admit(Handshake handshake);
}
