package io.realtime.messaging.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.kit.time.AdjustableClock;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;

@QuarkusTest
class ConversationSequencerTest {

    @Inject
    ConversationSequencer sequencer;

    @Inject
    AdjustableClock clock;

    /** Later test classes share this JVM's service clock: hand it back at real time. */
    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private final List<Long> delivered = new CopyOnWriteArrayList<>();

    private void offer(String conversation, Long seq) {
        sequencer.accept(new ConversationEvent(1, ConversationEvent.MESSAGE, conversation, List.of(), "u", null,
                "m" + seq, "c", seq, null, "t"), event -> delivered.add(event.seq()));
    }

    @Test
    void earlyMessagesWaitForTheOneBefore() {
        offer("seq-a", 1L);
        offer("seq-a", 3L);
        offer("seq-a", 4L);
        assertThat(delivered).containsExactly(1L);
        offer("seq-a", 2L);
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aGapThatNeverFillsIsSkippedAfterTheTimeoutAndALateMessageStillArrives() {
        offer("seq-b", 10L);
        offer("seq-b", 12L);
        assertThat(delivered).containsExactly(10L);
        clock.advance(Duration.ofSeconds(1));
        assertThat(delivered).containsExactly(10L);
        clock.advance(Duration.ofMillis(1_100)); // past messaging.reorder-timeout (2 s) on the service's clock
        assertThat(delivered).containsExactly(10L, 12L);
        offer("seq-b", 11L);
        assertThat(delivered).containsExactly(10L, 12L, 11L);
        offer("seq-b", 13L);
        assertThat(delivered).containsExactly(10L, 12L, 11L, 13L);
    }

    @Test
    void aSecondGapBehindASkippedOneGetsItsOwnTimeout() {
        offer("seq-f", 1L);
        offer("seq-f", 3L);
        offer("seq-f", 5L);
        clock.advance(Duration.ofMillis(2_100));
        assertThat(delivered).containsExactly(1L, 3L); // 2 skipped; 5 now waits for 4
        clock.advance(Duration.ofMillis(2_100));
        assertThat(delivered).containsExactly(1L, 3L, 5L);
    }

    @Test
    void aTimerOfAFilledGapDoesNotSkipTheNextGap() {
        offer("seq-g", 1L);
        offer("seq-g", 3L); // gap at 2: timer armed
        clock.advance(Duration.ofMillis(1_500));
        offer("seq-g", 2L); // filled: 2, 3 delivered, timer cancelled
        offer("seq-g", 5L); // a new gap at 4: a new 2 s timeout starts now
        clock.advance(Duration.ofMillis(1_000)); // 2.5 s after the first gap, 1 s into the second
        assertThat(delivered).containsExactly(1L, 2L, 3L);
        clock.advance(Duration.ofMillis(1_100));
        assertThat(delivered).containsExactly(1L, 2L, 3L, 5L);
    }

    @Test
    void aQuietConversationIsForgottenButNotOneWithMessagesWaiting() {
        offer("seq-d", 1L);
        offer("seq-e", 1L);
        offer("seq-e", 3L); // waiting for 2
        sequencer.evictIdle(Duration.ZERO);
        offer("seq-d", 7L); // forgotten: starts the order again
        assertThat(delivered).containsExactly(1L, 1L, 7L);
        offer("seq-e", 2L); // still remembered
        assertThat(delivered).containsExactly(1L, 1L, 7L, 2L, 3L);
    }

    private void offerAfter(String conversation, long seq, Instant previousStored) {
        sequencer.accept(new ConversationEvent(1, ConversationEvent.MESSAGE, conversation, List.of(), "u", null,
                "m" + seq, "c", seq, null, "t", WireTime.format(previousStored)), event -> delivered.add(event.seq()));
    }

    @Test
    void theFirstEventSeenWaitsForTheOneBeforeItWhenThatWasStoredMomentsAgo() {
        offerAfter("seq-h", 2L, clock.instant().minusMillis(5)); // another instance published 1 after 2
        assertThat(delivered).isEmpty();
        offerAfter("seq-h", 3L, clock.instant());
        offer("seq-h", 1L);
        assertThat(delivered).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theFirstEventSeenIsDeliveredAtOnceWhenTheOneBeforeItIsOld() {
        offerAfter("seq-i", 8L, clock.instant().minusSeconds(3)); // past the 2 s reorder timeout: long delivered
        assertThat(delivered).containsExactly(8L);
    }

    @Test
    void theFirstEventSeenStillWaitsNoLongerThanTheTimeout() {
        offerAfter("seq-j", 4L, clock.instant());
        clock.advance(Duration.ofMillis(2_100));
        assertThat(delivered).containsExactly(4L);
    }

    @Test
    void eventsWithoutSeqPassStraightThrough() {
        offer("seq-c", 5L);
        offer("seq-c", 7L);
        offer("seq-c", null);
        assertThat(delivered).containsExactly(5L, null);
    }
}
