package io.realtime.kit.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** The one ordered, capped way out of a connection, driven by a socket whose writes finish when the test says. */
class OutboundQueueTest {

    /** Writes start when the queue asks and finish (or fail) only when the test completes them. */
    static final class FakeSocket implements OutboundQueue.Socket {
        final List<String> written = new ArrayList<>();
        final Deque<CompletableFuture<Void>> unfinished = new ArrayDeque<>();
        int maxUnfinished;
        Integer closeCode;
        String closeReason;

        @Override
        public Uni<Void> sendText(String text) {
            return Uni.createFrom().deferred(() -> {
                written.add(text);
                CompletableFuture<Void> write = new CompletableFuture<>();
                unfinished.add(write);
                maxUnfinished = Math.max(maxUnfinished, unfinished.size());
                return Uni.createFrom().completionStage(write);
            });
        }

        @Override
        public Uni<Void> close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
            return Uni.createFrom().voidItem();
        }

        void finishWrite() {
            unfinished.poll().complete(null);
        }

        void failWrite() {
            unfinished.poll().completeExceptionally(new IllegalStateException("connection reset"));
        }

        void finishAll() {
            while (!unfinished.isEmpty()) {
                finishWrite();
            }
        }
    }

    private final FakeSocket socket = new FakeSocket();
    private final AtomicInteger overflows = new AtomicInteger();

    private OutboundQueue queue(int maxFrames, int maxChars) {
        return new OutboundQueue(socket, new OutboundQueue.Limits(maxFrames, maxChars), overflows::incrementAndGet);
    }

    @Test
    void framesAreWrittenInOrderWithOneWriteInFlight() {
        OutboundQueue queue = queue(10, 1000);
        queue.push("a");
        queue.push("b");
        queue.push("c");
        assertThat(socket.written).containsExactly("a");

        socket.finishWrite();
        assertThat(socket.written).containsExactly("a", "b");
        socket.finishWrite();
        socket.finishWrite();
        assertThat(socket.written).containsExactly("a", "b", "c");
        assertThat(socket.maxUnfinished).isEqualTo(1);
        assertThat(socket.closeCode).isNull();
    }

    @Test
    void aSentFrameCompletesWhenItIsWrittenAfterTheFramesBeforeIt() {
        OutboundQueue queue = queue(10, 1000);
        queue.push("before");
        Uni<Void> reply = queue.send("reply");
        assertThat(socket.written).as("nothing is queued until the reply is subscribed, as with sendText")
                .containsExactly("before");
        CompletableFuture<Void> done = reply.subscribeAsCompletionStage().toCompletableFuture();
        assertThat(done).isNotDone();

        socket.finishWrite();
        assertThat(socket.written).containsExactly("before", "reply");
        assertThat(done).isNotDone();
        socket.finishWrite();
        assertThat(done).isCompleted();
    }

    @Test
    void moreFramesWaitingThanTheCapClosesWith1008AndDropsWhatWaits() {
        OutboundQueue queue = queue(2, 1000);
        queue.push("in flight");
        queue.push("waits 1");
        queue.push("waits 2");
        assertThat(socket.closeCode).isNull();
        CompletableFuture<Void> reply = queue.send("one too many").subscribeAsCompletionStage().toCompletableFuture();

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.closeReason).isEqualTo("Too many unsent frames");
        assertThat(overflows).hasValue(1);
        assertThat(queue.isClosed()).isTrue();
        assertThat(reply).as("a frame that will never be written does not leave its sender waiting").isCompleted();

        socket.finishWrite();
        queue.push("after the close");
        assertThat(socket.written).containsExactly("in flight");
        assertThat(overflows).hasValue(1);
    }

    @Test
    void anOwnerThatHoldsFramesBackClosesAsAnOverflowDoes() {
        OutboundQueue queue = queue(10, 1000);
        queue.push("in flight");
        queue.push("waits");
        queue.overflow();
        queue.overflow();

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(overflows).hasValue(1);
        socket.finishWrite();
        assertThat(socket.written).containsExactly("in flight");
    }

    @Test
    void moreCharactersWaitingThanTheCapCloses() {
        OutboundQueue queue = queue(100, 10);
        queue.push("in flight: its size is not counted, it is the socket's");
        queue.push("12345");
        queue.push("67890");
        assertThat(socket.closeCode).isNull();
        queue.push("!");
        assertThat(socket.closeCode).isEqualTo(1008);
    }

    @Test
    void aCumulativeFrameReplacesTheOneWaitingForItsKeyInPlace() {
        OutboundQueue queue = queue(10, 1000);
        queue.push("other in flight");
        queue.pushCumulative("m1", "H", false);
        queue.push("other after");
        queue.pushCumulative("m1", "He", false);
        queue.pushCumulative("m2", "X", false);
        queue.pushCumulative("m1", "Hel", false);

        socket.finishAll();
        socket.finishAll();
        socket.finishAll();
        socket.finishAll();
        assertThat(socket.written).containsExactly("other in flight", "Hel", "other after", "X");
    }

    @Test
    void theFinalFrameReplacesAWaitingOneButIsNeverReplacedOrLost() {
        OutboundQueue queue = queue(10, 1000);
        queue.pushCumulative("m1", "H", false);
        queue.pushCumulative("m1", "He", false);
        queue.pushCumulative("m1", "Hello", true);
        queue.pushCumulative("m1", "Hello again", false);
        queue.pushCumulative("m1", "Hello again!", true);
        while (!socket.unfinished.isEmpty()) {
            socket.finishWrite();
        }
        assertThat(socket.written).containsExactly("H", "Hello", "Hello again!");
    }

    @Test
    void aLongStreamToAStalledClientKeepsOnlyItsLatestFrameAndStaysUnderTheCap() {
        OutboundQueue queue = queue(2, 100_000);
        queue.push("stalled write");
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            content.append("token ");
            queue.pushCumulative("reply", content.toString(), false);
        }
        queue.pushCumulative("reply", content + "end", true);
        assertThat(socket.closeCode).isNull();

        socket.finishWrite();
        socket.finishWrite();
        assertThat(socket.written).containsExactly("stalled write", content + "end");
    }

    @Test
    void aFailedWriteEndsTheQueue() {
        OutboundQueue queue = queue(10, 1000);
        queue.push("a");
        CompletableFuture<Void> reply = queue.send("b").subscribeAsCompletionStage().toCompletableFuture();
        socket.failWrite();

        assertThat(queue.isClosed()).isTrue();
        assertThat(reply).isCompleted();
        assertThat(socket.written).containsExactly("a");
        assertThat(socket.closeCode).as("the connection is gone; there is nothing to close").isNull();
        assertThat(overflows).hasValue(0);
    }

    @Test
    void aBacklogOfWritesThatFinishAtOnceDrainsWithoutRecursion() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        List<String> written = new ArrayList<>();
        OutboundQueue.Socket socket = new OutboundQueue.Socket() {
            @Override
            public Uni<Void> sendText(String text) {
                return Uni.createFrom().deferred(() -> {
                    written.add(text);
                    return written.size() == 1 ? Uni.createFrom().completionStage(first) : Uni.createFrom().voidItem();
                });
            }

            @Override
            public Uni<Void> close(int code, String reason) {
                return Uni.createFrom().voidItem();
            }
        };
        OutboundQueue queue = new OutboundQueue(socket, new OutboundQueue.Limits(200_000, 10_000_000), () -> {
        });
        for (int i = 0; i < 100_000; i++) {
            queue.push("frame " + i);
        }
        first.complete(null);
        assertThat(written).hasSize(100_000).endsWith("frame 99999");
        assertThat(queue.isClosed()).isFalse();
    }
}
