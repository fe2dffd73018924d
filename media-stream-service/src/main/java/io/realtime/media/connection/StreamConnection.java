package io.realtime.media.connection;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.kit.socket.OutboundQueue;
import io.realtime.media.protocol.ServerFrame;
import io.smallrye.mutiny.Uni;

/**
 * One open stream socket: its session, its frames out, its one-at-a-time work queue, its media totals and the call
 * it is in. Thread-safe: the fan-out consumer, transcription workers and the socket's own event loop all use it.
 */
public final class StreamConnection {

    /** Frames waiting for their turn on one connection; beyond, a frame is refused at once. */
    public static final int MAX_WAITING_JOBS = 64;

    private final WebSocketConnection connection;
    private final String sessionId;
    private final String userId;
    private final Outbound outbound;
    private final OutboundQueue queue;

    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int waiting;
    private long audioBytes;
    private long audioChunks;
    private long videoBytes;
    private long videoChunks;
    private String callPeer;

    StreamConnection(WebSocketConnection connection, String sessionId, String userId, Outbound outbound,
            OutboundQueue queue) {
        this.connection = connection;
        this.sessionId = sessionId;
        this.userId = userId;
        this.outbound = outbound;
        this.queue = queue;
    }

    /** The client's id in its session: the {@code from} of what it sends to the others. */
    public String id() {
        return connection.id();
    }

    public String sessionId() {
        return sessionId;
    }

    /** The token's user, or null for an anonymous client. */
    public String userId() {
        return userId;
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    /** Sends a frame; completes when written (at once if the client has gone). Never fails. */
    public Uni<Void> send(ServerFrame frame) {
        if (!connection.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return queue.send(outbound.write(frame));
    }

    /** Queues a frame without waiting; frames keep the order in which they are pushed. */
    public void push(ServerFrame frame) {
        if (connection.isOpen()) {
            queue.push(outbound.write(frame));
        }
    }

    /**
     * Queues a frame that a newer one of the same {@code kind} may replace while it waits: media acknowledgements
     * and partial captions. A client that reads slowly loses those first; the frames pushed with {@link #push} and
     * {@link #send} (chat, signalling, errors) are never replaced.
     */
    public void pushLossy(String kind, ServerFrame frame) {
        if (connection.isOpen()) {
            queue.pushCumulative(kind, outbound.write(frame), false);
        }
    }

    public Uni<Void> close(int code, String reason) {
        return connection.isOpen() ? connection.close(new CloseReason(code, reason)) : Uni.createFrom().voidItem();
    }

    /**
     * Runs {@code job} once every job queued before it has finished, so replies come in the order of the frames.
     * Answers false, running nothing, when {@value #MAX_WAITING_JOBS} jobs already wait.
     */
    public boolean inTurn(Supplier<Uni<Void>> job) {
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
        previous.whenComplete((ignored, failure) -> {
            Uni<Void> work;
            try {
                work = job.get();
            } catch (RuntimeException e) {
                work = Uni.createFrom().failure(e);
            }
            work.subscribe().with(ok -> finished(done), jobFailure -> {
                Log.errorf(jobFailure, "Stream job on %s failed", id());
                finished(done);
            });
        });
        return true;
    }

    private void finished(CompletableFuture<Void> done) {
        synchronized (this) {
            waiting--;
        }
        done.complete(null);
    }

    /** Counts an audio chunk of {@code bytes}; answers {total bytes, chunks} on this connection. */
    public synchronized long[] countAudio(long bytes) {
        audioBytes += bytes;
        audioChunks++;
        return new long[] { audioBytes, audioChunks };
    }

    /** Counts a video chunk of {@code bytes}; answers {total bytes, chunks} on this connection. */
    public synchronized long[] countVideo(long bytes) {
        videoBytes += bytes;
        videoChunks++;
        return new long[] { videoBytes, videoChunks };
    }

    /** The client this one is in a call with, or null. */
    public synchronized String callPeer() {
        return callPeer;
    }

    public synchronized void inCallWith(String peer) {
        callPeer = peer;
    }

    /** Leaves the call with {@code peer}; answers whether it was in that call. */
    public synchronized boolean leaveCall(String peer) {
        if (peer != null && peer.equals(callPeer)) {
            callPeer = null;
            return true;
        }
        return false;
    }
}
