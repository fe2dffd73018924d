package io.realtime.gateway.routing;

import java.util.Optional;

import io.quarkus.logging.Log;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.streams.Pipe;

/**
 * Forwards a plain HTTP request to an instance of its service on a pooled connection ({@link Upstreams}) and relays
 * the answer the moment it arrives, bodies streamed both ways, never buffered whole (except the few bytes of an answer
 * its {@link AnswerHook} reads: an Engine.IO handshake's). No connection within the wait: 503; the service refuses
 * connections or fails before answering: 502.
 * <p>
 * A service may answer before it reads the body (413 over its size limit, 401 before looking at it) and close its
 * connection at once. Body bytes still in flight towards it then come back as a reset that can destroy its answer
 * before the gateway reads it, so a request body waits for the service's {@code 100 Continue} (at most
 * {@code expect-continue-timeout}; a client's own {@code Expect} is passed on instead). Answered before the whole
 * body was sent, the client gets exactly that answer, the rest of its body is read and dropped, and the connection to
 * the service is closed rather than left half-way through a request.
 */
final class HttpForwarder {

    private final Upstreams upstreams;
    private final Vertx vertx;
    private final long expectContinueMillis;
    private final long expectContinueAbove;

    HttpForwarder(Upstreams upstreams, Vertx vertx, long expectContinueMillis, long expectContinueAbove) {
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.expectContinueMillis = expectContinueMillis;
        this.expectContinueAbove = expectContinueAbove;
    }

    void forward(HttpServerRequest incoming, Destination destination, String uri) {
        incoming.pause();
        upstreams.request(destination.service(), destination.preferred(),
                new RequestOptions().setMethod(incoming.method()).setURI(uri))
                .onComplete(obtained -> {
                    if (obtained.failed()) {
                        incoming.resume(); // read and drop the body, so that the client's connection stays usable
                        Replies.end(incoming, obtained.cause() instanceof Upstreams.Saturated ? 503 : 502);
                        return;
                    }
                    HttpClientRequest upstream = obtained.result().request();
                    // failures reach the answer's future (502) or end the client's connection: nothing to add here
                    upstream.exceptionHandler(failure -> Log.debugf("Request to %s: %s", upstream.getURI(), failure));
                    if (incoming.response().closed()) {
                        upstream.reset(); // the client gave up while waiting: nothing was sent on it
                    } else {
                        new Exchange(incoming, obtained.result(), destination.hook()).start();
                    }
                });
    }

    /** One request and its answer. */
    private final class Exchange {

        private final HttpServerRequest incoming;
        private final Instance instance;
        private final HttpClientRequest upstream;
        private final AnswerHook hook;
        private Pipe<Buffer> body;
        private boolean bodyStarted;
        private long expectTimer = -1;

        Exchange(HttpServerRequest incoming, Upstreams.Opened opened, AnswerHook hook) {
            this.incoming = incoming;
            this.instance = opened.instance();
            this.upstream = opened.request();
            this.hook = hook;
        }

        void start() {
            Headers.copyEndToEnd(incoming.headers(), upstream.headers());
            Headers.setForwarded(upstream.headers(), incoming);
            String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean chunked = incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING);
            if (chunked) {
                upstream.setChunked(true);
            } else if (length != null) {
                upstream.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            }
            incoming.response().closeHandler(v -> upstream.reset()); // the client left: free the connection
            body = incoming.pipe().endOnFailure(false);
            upstream.response().onComplete(answered -> {
                bodyStarted = true; // answered: whatever was not sent yet never will be
                vertx.cancelTimer(expectTimer);
                if (answered.succeeded()) {
                    relay(answered.result());
                } else {
                    body.close();
                    Replies.end(incoming, 502);
                }
            });
            boolean largeBody = chunked || length != null && bodyLength(length) > expectContinueAbove;
            if (incoming.headers().contains(HttpHeaders.EXPECT)) {
                upstream.continueHandler(v -> incoming.response().writeContinue());
                sendBody();
            } else if (largeBody && expectContinueMillis > 0) {
                upstream.putHeader(HttpHeaders.EXPECT, HttpHeaders.CONTINUE);
                upstream.continueHandler(v -> sendBody());
                upstream.sendHead();
                expectTimer = vertx.setTimer(expectContinueMillis, id -> sendBody());
            } else {
                sendBody();
            }
        }

        private static long bodyLength(String header) {
            try {
                return Long.parseLong(header.trim());
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }

        private void sendBody() {
            // a closed client's request may already be resumed and read to its end, too late for a pipe
            if (!bodyStarted && !incoming.response().closed()) {
                bodyStarted = true;
                vertx.cancelTimer(expectTimer);
                body.to(upstream).onFailure(failure -> upstream.reset());
            }
        }

        private void relay(HttpClientResponse answer) {
            HttpServerResponse response = incoming.response();
            if (!hook.readsBody(answer)) {
                relayHead(answer, Optional.empty());
                answer.pipe().endOnFailure(false).to(response).onComplete(this::relayed);
                return;
            }
            answer.body().onComplete(read -> {
                if (read.failed()) {
                    body.close();
                    Replies.end(incoming, 502);
                } else {
                    relayHead(answer, Optional.of(read.result()));
                    response.end(read.result()).onComplete(this::relayed);
                }
            });
        }

        private void relayHead(HttpClientResponse answer, Optional<Buffer> whole) {
            HttpServerResponse response = incoming.response();
            response.setStatusCode(answer.statusCode());
            if (answer.statusMessage() != null) {
                response.setStatusMessage(answer.statusMessage());
            }
            Headers.copyEndToEnd(answer.headers(), response.headers());
            String length = answer.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, length);
            } else if (hasBody(answer)) {
                response.setChunked(true);
            }
            hook.answered(instance, answer, whole, response);
        }

        private void relayed(AsyncResult<Void> relayed) {
            if (relayed.failed()) {
                incoming.response().reset(); // cut short: the client must not take it for the whole answer
            } else if (!incoming.isEnded()) {
                // answered before the whole body was sent: drop the rest, and the connection with it
                body.close();
                upstream.reset();
            }
        }

        private boolean hasBody(HttpClientResponse answer) {
            return incoming.method() != HttpMethod.HEAD && answer.statusCode() != 204 && answer.statusCode() != 304;
        }
    }
}
