package io.realtime.chat.connection;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.chat.protocol.ServerFrame;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.kit.time.Timers;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One open chat socket: its frames out, its one-at-a-time work queue, the session it talks in, and its idle timer.
 * A few hundred bytes while idle: no buffer, thread or stream is held between messages.
 */
public final class ChatConnection {

    private final WebSocketConnection connection;
    private final Outbound outbound;
    private final OutboundQueue queue;
    private final Context root;
    /** Frames waiting for their turn on one connection; beyond, a frame is refused at once. */
    public static final int MAX_WAITING_JOBS = 32;

    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int waiting;
    private volatile UUID sessionId;
    private volatile UUID visitorId;
    private Timers.Timer idleTimer;
    private long activity;

    ChatConnection(WebSocketConnection connection, Outbound outbound, OutboundQueue queue) {
        this.connection = connection;
        this.outbound = outbound;
        this.queue = queue;
        Context current = Vertx.currentContext();
        this.root = current == null ? null : VertxContext.getRootContext(current);
    }

    public String id() {
        return connection.id();
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Sends a frame; completes when written (at once if the client has gone: nothing to tell it). */
    public Uni<Void> send(ServerFrame frame) {
        if (!connection.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return queue.send(outbound.write(frame))
                .onFailure().invoke(failure -> Log.debugf("Send to %s failed: %s", id(), failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Sends without waiting (the answer's chunks); frames keep the order in which they are pushed. */
    public void push(ServerFrame frame) {
        if (connection.isOpen()) {
            queue.push(outbound.write(frame));
        }
    }

    /**
     * Runs {@code job} after every job queued before it has finished, each on a fresh Vert.x context of this
     * connection's event loop (its own database session): a second message is answered after the first, never
     * interleaved. A failing job is logged; the queue goes on. Answers false, running nothing, when
     * {@value #MAX_WAITING_JOBS} jobs already wait: a flood of frames cannot grow the queue without bound.
     */
    public boolean serially(Supplier<Uni<Void>> job) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous;
        synchronized (this) {
            if (waiting >= MAX_WAITING_JOBS) {
                return false;
            }
            waiting++;
            previous = tail;
            tail = done;
        }
        done.whenComplete((ignored, failure) -> {
            synchronized (this) {
                waiting--;
            }
        });
        previous.whenComplete((ignored, failure) -> {
            Context context = root == null ? VertxContext.createNewDuplicatedContext()
                    : VertxContext.createNewDuplicatedContext(root);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(start -> {
                Uni<Void> work;
                try {
                    work = job.get();
                } catch (RuntimeException e) {
                    work = Uni.createFrom().failure(e);
                }
                work.subscribe().with(ok -> done.complete(null), jobFailure -> {
                    Log.errorf(jobFailure, "Chat job on %s failed", id());
                    done.complete(null);
                });
            });
        });
        return true;
    }

    /** The session this connection talks in (from its URL or its first accepted message). */
    public void bind(UUID sessionId, UUID visitorId) {
        this.sessionId = sessionId;
        this.visitorId = visitorId;
    }

    public UUID sessionId() {
        return sessionId;
    }

    public UUID visitorId() {
        return visitorId;
    }

    /**
     * Replaces the idle timer ({@code next}, given the new activity mark, may be null: none); a timer's task checks
     * {@link #stillIdleSince(long)} with its mark, so that one firing just as a message arrives does nothing.
     */
    public synchronized void restartIdle(LongFunction<Timers.Timer> next) {
        if (idleTimer != null) {
            idleTimer.cancel();
        }
        activity++;
        idleTimer = next == null ? null : next.apply(activity);
    }

    /** Sets the follow-up timer of the same idle period (the end after the warning). */
    public synchronized void continueIdle(long mark, LongFunction<Timers.Timer> next) {
        if (mark == activity) {
            idleTimer = next.apply(mark);
        }
    }

    public synchronized boolean stillIdleSince(long mark) {
        return mark == activity;
    }

    /** The socket closed: no more timers. */
    public void closed() {
        restartIdle(null);
    }
}
