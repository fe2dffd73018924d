package io.realtime.assessment.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** Plain JUnit: the registry's per-user steps must be atomic under real concurrency. */
class ConnectionRegistryTest {

    private final AtomicInteger closes = new AtomicInteger();

    /** A connection that only knows its id and counts close() calls. */
    private WebSocketConnection connection(String id) {
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { WebSocketConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "id", "toString" -> id;
                    case "close" -> {
                        closes.incrementAndGet();
                        yield Uni.createFrom().voidItem();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aConnectionOpeningWhileTheUsersLastOneUnregistersIsNeverLost() throws Exception {
        ConnectionRegistry registry = new ConnectionRegistry();
        CyclicBarrier start = new CyclicBarrier(2);
        Instant earlier = Instant.parse("2026-01-01T00:00:00Z");
        for (int round = 0; round < 20_000; round++) {
            String user = "u" + round;
            WebSocketConnection leaving = connection(user + "-old");
            WebSocketConnection arriving = connection(user + "-new");
            registry.register(user, leaving, earlier);
            Thread closer = new Thread(() -> {
                await(start);
                registry.unregister(user, leaving);
            });
            closer.start();
            await(start);
            registry.register(user, arriving, earlier.plusSeconds(1));
            closer.join();
            assertThat(registry.of(user)).as("round %d", round).containsExactly(arriving);
        }
    }

    @Test
    void aNewConnectionClosesTheOlderOneExactlyOnce() {
        ConnectionRegistry registry = new ConnectionRegistry();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        WebSocketConnection first = connection("first");
        WebSocketConnection second = connection("second");
        registry.register("same-user", first, now);
        registry.register("same-user", second, now.plusMillis(1));
        registry.closeOlder("same-user", now.plusMillis(1), "second"); // the takeover event arriving too
        assertThat(registry.of("same-user")).isEqualTo(List.of(second));
        assertThat(closes).hasValue(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
