package io.realtime.messaging.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

/** Plain JUnit: the registry's per-user steps must be atomic under real concurrency. */
class ConnectionRegistryTest {

    private static LiveConnection connection(String userId) {
        return new LiveConnection(null, userId, null, null);
    }

    @Test
    void aDeviceOpeningWhileTheUsersOtherDeviceClosesIsNeverLost() throws Exception {
        ConnectionRegistry registry = new ConnectionRegistry();
        CyclicBarrier start = new CyclicBarrier(2);
        for (int round = 0; round < 20_000; round++) {
            String user = "u" + round;
            LiveConnection closing = connection(user);
            LiveConnection opening = connection(user);
            registry.tryAdd(closing, 10);
            Thread remover = new Thread(() -> {
                await(start);
                registry.remove(closing);
            });
            remover.start();
            await(start);
            registry.tryAdd(opening, 10);
            remover.join();
            assertThat(registry.of(user)).as("round %d", round).containsExactly(opening);
        }
    }

    @Test
    void aUserCannotHoldMoreThanTheLimitEvenWhenOpeningAtOnce() throws Exception {
        ConnectionRegistry registry = new ConnectionRegistry();
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        Thread[] openers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            openers[i] = new Thread(() -> {
                await(start);
                for (int n = 0; n < 100; n++) {
                    registry.tryAdd(connection("greedy"), 3);
                }
            });
            openers[i].start();
        }
        for (Thread opener : openers) {
            opener.join();
        }
        assertThat(registry.of("greedy")).hasSize(3);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
