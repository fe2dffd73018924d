package io.realtime.socketio.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw websocket for protocol tests: every frame the server sends, in order (text as String, binary as byte[]). */
public final class Ws {

    /** What {@link #next} returns once the server closed the websocket. */
    public static final String CLOSED = "<closed>";

    private final BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;
    public volatile Throwable failure;

    private Ws() {
    }

    static Ws connect(HttpClient http, URI uri) {
        Ws ws = new Ws();
        try {
            ws.socket = http.newWebSocketBuilder().buildAsync(uri, ws.listener()).join();
        } catch (CompletionException e) {
            ws.failure = e.getCause();
            ws.frames.add(CLOSED);
        }
        return ws;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    frames.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    frames.add(binary.toByteArray());
                    binary = new java.io.ByteArrayOutputStream();
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                frames.add(CLOSED);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                failure = error;
                frames.add(CLOSED);
            }
        };
    }

    /** The next frame (String, byte[] or {@link #CLOSED}); fails after 5 s. */
    public Object next() {
        try {
            Object frame = frames.poll(5, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within 5 s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next text frame, skipping the server's pings ("2"). */
    public String nextText() {
        while (true) {
            Object frame = next();
            if (frame instanceof byte[] bytes) {
                throw new AssertionError("binary frame " + Arrays.toString(bytes) + " where text was expected");
            }
            if (!"2".equals(frame)) {
                return (String) frame;
            }
        }
    }

    /** Nothing more than pings within {@code millis}. */
    public Object poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    public Ws send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public Ws send(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
        return this;
    }

    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        }
    }
}
