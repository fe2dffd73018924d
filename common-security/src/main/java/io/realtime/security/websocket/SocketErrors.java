package io.realtime.security.websocket;

import io.vertx.core.http.HttpClosedException;

/** Classifies errors that websockets-next reports to an endpoint's {@code @OnError}. */
public final class SocketErrors {

    /** RFC 6455 close code for a message too big to process. */
    public static final int MESSAGE_TOO_BIG = 1009;

    private SocketErrors() {
    }

    /** A frame over {@code quarkus.websockets-next.server.max-message-size}: close with {@link #MESSAGE_TOO_BIG}. */
    public static boolean isMessageTooBig(Throwable error) {
        return error instanceof IllegalStateException && error.getMessage() != null
                && error.getMessage().contains("max message size");
    }

    /** The client went away while we were sending: nothing to report. */
    public static boolean isClientGone(Throwable error) {
        return error instanceof HttpClosedException;
    }
}
