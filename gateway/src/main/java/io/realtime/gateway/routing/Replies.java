package io.realtime.gateway.routing;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** The answers the gateway gives itself, each once: nothing is written after the answer ended or the client left. */
final class Replies {

    private Replies() {
    }

    /** {@code status} and no body. */
    static void end(HttpServerRequest request, int status) {
        if (!request.response().ended() && !request.response().closed()) {
            request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
        }
    }

    /** {@code status} and a short text saying why. */
    static void refuse(HttpServerRequest request, int status, String reason) {
        if (!request.response().ended() && !request.response().closed()) {
            request.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(reason + "\n");
        }
    }
}
