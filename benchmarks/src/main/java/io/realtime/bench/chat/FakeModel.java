package io.realtime.bench.chat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.realtime.infra.ai.OpenAiFake;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An OpenAI-compatible model in the generator (Vert.x HTTP server on loopback): {@code POST /v1/chat/completions}
 * with {@code "stream": true} answers with an SSE stream of {@code chat.completion.chunk}s, {@code tokens} tokens
 * one every {@code interval}, then {@code data: [DONE]}; each token's send time goes to the {@link TokenClock}.
 * Other requests (the chat service's details extraction) get an empty JSON object as the completion at once.
 */
final class FakeModel {

    private final Vertx vertx;
    private final TokenClock clock;
    private final int tokens;
    private final Duration interval;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private HttpServer server;

    FakeModel(Vertx vertx, TokenClock clock, int tokens, Duration interval) {
        this.vertx = vertx;
        this.clock = clock;
        this.tokens = tokens;
        this.interval = interval;
    }

    /** Listens on 127.0.0.1:{@code port} (0: a free port); the future holds the port. */
    Future<Integer> listen(int port) {
        server = vertx.createHttpServer();
        return server.requestHandler(this::handle).listen(port, "127.0.0.1").map(HttpServer::actualPort);
    }

    /** The most streams that were open at once. */
    int mostOpen() {
        return mostOpen.get();
    }

    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().endsWith("/chat/completions")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            boolean stream = body.length() > 0 && body.toJsonObject().getBoolean("stream", false);
            if (stream) {
                stream(request.response());
            } else {
                request.response().putHeader("Content-Type", "application/json").end(OpenAiFake.completion("{}"));
            }
        });
    }

    private void stream(HttpServerResponse response) {
        String id = "chatcmpl-bench-" + System.nanoTime();
        response.setChunked(true).putHeader("Content-Type", "text/event-stream").putHeader("Cache-Control",
                "no-cache");
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        response.write(event(chunk(id, new JsonObject().put("role", "assistant").put("content", ""), null)));
        int[] left = {tokens};
        long timer = vertx.setPeriodic(interval.toMillis(), t -> {
            if (response.closed()) {
                vertx.cancelTimer(t);
                return;
            }
            int token = left[0]-- > 0 ? clock.next() : -1;
            if (token < 0) {
                vertx.cancelTimer(t);
                response.write(event(chunk(id, new JsonObject(), "stop")));
                response.end("data: [DONE]\n\n");
                return;
            }
            clock.sent(token);
            response.write(event(chunk(id, new JsonObject().put("content", TokenClock.text(token)), null)));
        });
        response.closeHandler(v -> vertx.cancelTimer(timer));
        response.endHandler(v -> open.decrementAndGet());
    }

    private static JsonObject chunk(String id, JsonObject delta, String finishReason) {
        return new JsonObject().put("id", id).put("object", "chat.completion.chunk")
                .put("created", System.currentTimeMillis() / 1000).put("model", "bench-fake")
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", delta)
                        .put("finish_reason", finishReason)));
    }

    private static String event(JsonObject data) {
        return "data: " + data.encode() + "\n\n";
    }
}
