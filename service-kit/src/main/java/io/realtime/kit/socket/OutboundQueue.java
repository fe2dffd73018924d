package io.realtime.kit.socket;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The one way out of a connection: frames are written in the order they were queued, one write at a time (the next
 * starts when the socket has taken the previous one), and what waits behind the write in flight is capped. A client
 * that stops reading stops taking writes; once more than {@link Limits#maxFrames()} frames or
 * {@link Limits#maxChars()} characters wait for it, its connection is closed with 1008 ({@link #OVERFLOW_REASON})
 * and what waited is dropped, so one stalled client cannot grow the server's memory.
 * <p>
 * Cumulative frames, each superseding the one before it for the same key (a streamed reply carrying its whole text so
 * far), are queued with {@link #pushCumulative}: while one waits, a newer one for its key takes its place in the
 * queue, so a client that is behind gets the latest text without the steps in between. A final frame is never
 * replaced or dropped (short of the connection closing).
 * <p>
 * Thread-safe: fan-out consumers, streams and handlers on any thread may queue frames for the same connection.
 */
public final class OutboundQueue {

    /** RFC 6455 policy violation. */
    public static final int POLICY_VIOLATION = 1008;
    public static final String OVERFLOW_REASON = "Too many unsent frames";
    /** The code a service counts overflow closes under ({@code realtime_ws_errors_total{code}}). */
    public static final String OVERFLOW_CODE = "OUTBOUND_OVERFLOW";

    /**
     * What may wait behind the write in flight. Services expose both as configuration, with these defaults: 256
     * frames keep a client that reads through a burst connected, and 1 Mi characters (1-2 MiB of heap) bound a
     * stalled one.
     */
    public record Limits(int maxFrames, int maxChars) {

        public static final String DEFAULT_MAX_FRAMES = "256";
        public static final String DEFAULT_MAX_CHARS = "1048576";
        public static final Limits DEFAULT = new Limits(Integer.parseInt(DEFAULT_MAX_FRAMES),
                Integer.parseInt(DEFAULT_MAX_CHARS));

        public Limits {
            if (maxFrames < 1 || maxChars < 1) {
                throw new IllegalArgumentException("outbound limits must be positive: " + maxFrames + ", " + maxChars);
            }
        }
    }

    /** Where frames go: a {@link WebSocketConnection} (see {@link #of}), or a fake in tests. */
    public interface Socket {
        /** Lazy, like {@link WebSocketConnection#sendText(String)}: writes on subscription, completes when written. */
        Uni<Void> sendText(String text);

        Uni<Void> close(int code, String reason);
    }

    private static final UserData.TypedKey<OutboundQueue> KEY = new UserData.TypedKey<>("outbound-queue");

    /** One frame waiting; a cumulative one's text may be replaced while it waits (under the queue's lock). */
    private static final class Frame {
        String text;
        final Object key;
        final Completion completion;

        Frame(String text, Object key, Completion completion) {
            this.text = text;
            this.key = key;
            this.completion = completion;
        }
    }

    /** Tells a {@link #send} caller that its frame is written (or never will be), on the caller's own context. */
    private record Completion(CompletableFuture<Void> future, Context context) {
        void complete() {
            if (context == null || Vertx.currentContext() == context) {
                future.complete(null);
            } else {
                context.runOnContext(ignored -> future.complete(null));
            }
        }
    }

    private final Socket socket;
    private final Limits limits;
    private final Runnable onOverflow;

    // all guarded by this
    private final Deque<Frame> waiting = new ArrayDeque<>();
    /** The waiting cumulative frame of each key that a newer one may still replace. */
    private final Map<Object, Frame> replaceable = new HashMap<>();
    private long waitingChars;
    private boolean writing;
    private boolean draining;
    private boolean closed;

    /** @param onOverflow runs once, when the queue closes the connection for overflow (to count it) */
    public OutboundQueue(Socket socket, Limits limits, Runnable onOverflow) {
        this.socket = socket;
        this.limits = limits;
        this.onOverflow = onOverflow;
    }

    /** The connection's queue, made on first use: every frame for the connection must go through it. */
    public static OutboundQueue of(WebSocketConnection connection, Limits limits, Runnable onOverflow) {
        UserData data = connection.userData();
        synchronized (data) {
            OutboundQueue queue = data.get(KEY);
            if (queue == null) {
                queue = new OutboundQueue(new Socket() {
                    @Override
                    public Uni<Void> sendText(String text) {
                        return connection.sendText(text);
                    }

                    @Override
                    public Uni<Void> close(int code, String reason) {
                        return connection.close(new CloseReason(code, reason));
                    }
                }, limits, onOverflow);
                data.put(KEY, queue);
            }
            return queue;
        }
    }

    /**
     * Queues a frame when subscribed (as {@code sendText} writes when subscribed); completes once it is written, or
     * once it never will be (the connection closed or was closed for overflow). Never fails.
     */
    public Uni<Void> send(String text) {
        return Uni.createFrom().deferred(() -> {
            Completion completion = new Completion(new CompletableFuture<>(), Vertx.currentContext());
            enqueue(new Frame(text, null, completion), false);
            return Uni.createFrom().completionStage(completion.future());
        });
    }

    /** Queues a frame now, for nobody to wait on. */
    public void push(String text) {
        enqueue(new Frame(text, null, null), false);
    }

    /**
     * Queues a cumulative frame for {@code key}: it replaces, in its place in the queue, a non-final frame of the
     * same key that is still waiting; a {@code last} frame is never replaced.
     */
    public void pushCumulative(Object key, String text, boolean last) {
        enqueue(new Frame(text, key, null), last);
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Closes the connection as an overflow does, for frames its owner holds back before they reach this queue (while
     * a replay is sent first, say) once those run past {@link #limits()}.
     */
    public void overflow() {
        List<Frame> dropped;
        synchronized (this) {
            if (closed) {
                return;
            }
            dropped = closeQueue();
        }
        completeAll(dropped);
        overflowed();
    }

    /** @param last no later frame of its key may replace it */
    private void enqueue(Frame frame, boolean last) {
        List<Frame> dropped = null;
        boolean overflow = false;
        synchronized (this) {
            if (closed) {
                dropped = List.of(frame);
            } else {
                Frame older = frame.key == null ? null : replaceable.get(frame.key);
                if (older != null) {
                    waitingChars += frame.text.length() - older.text.length();
                    older.text = frame.text;
                    if (last) {
                        replaceable.remove(frame.key);
                    }
                } else {
                    waiting.add(frame);
                    waitingChars += frame.text.length();
                    if (frame.key != null && !last) {
                        replaceable.put(frame.key, frame);
                    }
                }
                if (overCap()) {
                    dropped = closeQueue();
                    overflow = true;
                }
            }
        }
        if (dropped == null) {
            drain();
            return;
        }
        completeAll(dropped);
        if (overflow) {
            overflowed();
        }
    }

    /** What waits behind the write in flight (the head is next, not waiting, when nothing is in flight). */
    private boolean overCap() {
        int frames = waiting.size();
        long chars = waitingChars;
        if (!writing && !waiting.isEmpty()) {
            frames--;
            chars -= waiting.peek().text.length();
        }
        return frames > limits.maxFrames() || chars > limits.maxChars();
    }

    private void overflowed() {
        Log.debugf("Closing a connection: %s", OVERFLOW_REASON);
        onOverflow.run();
        socket.close(POLICY_VIOLATION, OVERFLOW_REASON).subscribe().with(ignored -> {
        }, failure -> Log.debugf("Close after overflow failed: %s", failure.getMessage()));
    }

    /** Writes waiting frames one at a time; a write that finishes at once continues this loop, not a new one. */
    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Frame next;
            synchronized (this) {
                if (writing || closed || waiting.isEmpty()) {
                    draining = false;
                    return;
                }
                next = waiting.poll();
                waitingChars -= next.text.length();
                if (next.key != null) {
                    replaceable.remove(next.key, next);
                }
                writing = true;
            }
            socket.sendText(next.text).subscribe().with(ignored -> written(next, null),
                    failure -> written(next, failure));
        }
    }

    private void written(Frame frame, Throwable failure) {
        List<Frame> dropped = List.of();
        synchronized (this) {
            writing = false;
            if (failure != null) {
                Log.debugf("Write failed, dropping the frames that wait: %s", failure.getMessage());
                dropped = closeQueue();
            }
        }
        if (frame.completion != null) {
            frame.completion.complete();
        }
        completeAll(dropped);
        drain();
    }

    /** Closes the queue and hands back what waited (guarded by this). */
    private List<Frame> closeQueue() {
        closed = true;
        List<Frame> dropped = new ArrayList<>(waiting);
        waiting.clear();
        replaceable.clear();
        waitingChars = 0;
        return dropped;
    }

    private static void completeAll(List<Frame> frames) {
        for (Frame frame : frames) {
            if (frame.completion != null) {
                frame.completion.complete();
            }
        }
    }
}
