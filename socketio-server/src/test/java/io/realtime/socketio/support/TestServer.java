package io.realtime.socketio.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.realtime.socketio.conformance.ConformanceServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** The conformance set-up on a free port, and the plain HTTP a test needs against it. */
public final class TestServer implements AutoCloseable {

    public final Vertx vertx = Vertx.vertx();
    public final int port;
    public final io.realtime.socketio.socket.SocketIoServer socketIo;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer() throws Exception {
        io.vertx.ext.web.Router router = io.vertx.ext.web.Router.router(vertx);
        socketIo = ConformanceServer.mount(vertx, router);
        HttpServer server = vertx.createHttpServer(ConformanceServer.httpOptions(0)).requestHandler(router).listen()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    public String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    public String ws(String pathAndQuery) {
        return "ws://localhost:" + port + pathAndQuery;
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String pathAndQuery, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String pathAndQuery) {
        return URI.create(url(pathAndQuery));
    }

    public Ws connect(String pathAndQuery) {
        return Ws.connect(http, URI.create(ws(pathAndQuery)));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
