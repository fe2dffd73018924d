package io.realtime.gateway.routing;

import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;

/** What the gateway does with a service's answer to a request before relaying it; by default, nothing. */
interface AnswerHook {

    AnswerHook NONE = new AnswerHook() {
    };

    /** Whether the whole body is read before the answer is relayed; only for small bodies (it is held in memory). */
    default boolean readsBody(HttpClientResponse answer) {
        return false;
    }

    /**
     * Sees the answer before its head is relayed, and may add headers to {@code response}.
     *
     * @param instance the instance that answered
     * @param body     the whole body when {@link #readsBody} said so
     */
    default void answered(Instance instance, HttpClientResponse answer, Optional<Buffer> body,
            HttpServerResponse response) {
    }
}
