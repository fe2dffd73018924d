package io.realtime.bench.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * The generator's clients. Connection {@code i} runs on event loop {@code i % loops} and leaves from source address
 * {@code 127.0.0.(1 + i / perAddress)}: loopback gives one source address about 28k ephemeral ports per target
 * port, so beyond {@value #PER_ADDRESS} connections the next ones come from the next 127.0.0.x.
 */
public final class Clients {

    public static final int PER_ADDRESS = 20_000;
    private static final int MAX_ADDRESSES = 250;

    private final Loops loops;
    private final Map<Integer, WebSocketClient> sockets = new ConcurrentHashMap<>();
    private final HttpClient http;

    public Clients(Loops loops) {
        this.loops = loops;
        this.http = loops.vertx().createHttpClient(new HttpClientOptions().setMaxPoolSize(32)
                .setConnectTimeout(10_000).setKeepAlive(true));
    }

    public Context loopOf(int connection) {
        return loops.loop(connection);
    }

    /** The WebSocket client whose connections leave from the source address of connection {@code connection}. */
    public WebSocketClient webSocketsFor(int connection) {
        return sockets.computeIfAbsent(addressIndex(connection), index -> loops.vertx().createWebSocketClient(
                new WebSocketClientOptions().setLocalAddress(sourceAddress(index)).setMaxConnections(1_000_000)
                        .setConnectTimeout(20_000).setMaxFrameSize(1 << 20).setMaxMessageSize(4 << 20)));
    }

    public HttpClient http() {
        return http;
    }

    static int addressIndex(int connection) {
        int index = connection / PER_ADDRESS;
        if (index >= MAX_ADDRESSES) {
            throw new IllegalArgumentException("at most " + MAX_ADDRESSES * PER_ADDRESS + " connections");
        }
        return index;
    }

    static String sourceAddress(int index) {
        return "127.0.0." + (1 + index);
    }
}
