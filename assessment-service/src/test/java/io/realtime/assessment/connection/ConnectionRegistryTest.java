package io.realtime.assessment.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
        for (int round = 0; round < 20_000; round++) {
            String user = "u" + round;
            WebSocketConnection leaving = connection(user + "-old");
            WebSocketConnection arriving = connection(user + "-new");
            registry.register(user, leaving, 2L * round);
            Thread closer = new Thread(() -> {
                await(start);
                registry.unregister(user, leaving);
            });
            closer.start();
            await(start);
            registry.register(user, arriving, 2L * round + 1);
            closer.join();
            assertThat(registry.of(user)).as("round %d", round).containsExactly(arriving);
        }
    }

    @Test
    void aNewConnectionClosesTheOlderOneExactlyOnce() {
        ConnectionRegistry registry = new ConnectionRegistry();
        WebSocketConnection first = connection("first");
        WebSocketConnection second = connection("second");
        registry.register("same-user", first, 10);
        registry.register("same-user", second, 11);
        registry.announcedElsewhere("same-user", 11); // the takeover event arriving too must not close it again
        assertThat(registry.of("same-user")).isEqualTo(List.of(second));
        assertThat(closes).hasValue(1);
    }

    @Test
    void theHigherNumberWinsWhateverTheOrderOfRegistration() {
        ConnectionRegistry registry = new ConnectionRegistry();
        WebSocketConnection newer = connection("newer");
        WebSocketConnection older = connection("older");
        registry.register("u", newer, 21);
        registry.register("u", older, 20); // drew its number first, registered last
        assertThat(registry.of("u")).containsExactly(newer);
        assertThat(closes).hasValue(1);
    }

    @Test
    void anAnnouncementFromElsewhereClosesOnlyLowerNumbersEvenOnesStillOpening() {
        ConnectionRegistry registry = new ConnectionRegistry();
        WebSocketConnection kept = connection("kept");
        registry.register("u", kept, 31);
        registry.announcedElsewhere("u", 30); // older connection elsewhere: ours stays
        assertThat(registry.of("u")).containsExactly(kept);
        registry.announcedElsewhere("v", 41); // v's newer connection elsewhere, before v's older one registers here
        WebSocketConnection late = connection("late");
        registry.register("v", late, 40);
        assertThat(registry.of("v")).isEmpty();
        assertThat(closes).hasValue(1);
    }

    /**
     * Two instances, a user opening connections on both, announcements delivered late and in any order (as Kafka may
     * between producers): once everything is delivered exactly one connection is open, the one with the highest
     * number. No clock is involved.
     */
    @Test
    void acrossInstancesExactlyTheNewestConnectionSurvivesAnyInterleaving() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            List<ConnectionRegistry> instances = List.of(new ConnectionRegistry(), new ConnectionRegistry());
            Map<String, Boolean> open = new HashMap<>();
            int connections = 2 + random.nextInt(4);
            // each connection: registered on a random instance, announced to the other one some time later
            List<long[]> events = new ArrayList<>(); // {order, 0 = register | 1 = deliver}
            for (long order = 1; order <= connections; order++) {
                events.add(new long[] { order, 0 });
                events.add(new long[] { order, 1 });
            }
            Collections.shuffle(events, random);
            for (long order = 1; order <= connections; order++) {
                int register = indexOf(events, order, 0);
                int deliver = indexOf(events, order, 1);
                if (deliver < register) {
                    Collections.swap(events, register, deliver);
                }
            }
            Map<Long, Integer> instanceOf = new HashMap<>();
            List<Runnable> steps = new ArrayList<>();
            for (long[] event : events) {
                long order = event[0];
                if (event[1] == 0) {
                    int at = random.nextInt(2);
                    instanceOf.put(order, at);
                    open.put("c" + order, true);
                    WebSocketConnection connection = trackingConnection("c" + order, open);
                    steps.add(() -> instances.get(at).register("u", connection, order));
                } else {
                    steps.add(() -> instances.get(1 - instanceOf.get(order)).announcedElsewhere("u", order));
                }
            }
            steps.forEach(Runnable::run);
            assertThat(open.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList())
                    .as("round %d", round).containsExactly("c" + connections);
        }
    }

    private static int indexOf(List<long[]> events, long order, long kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i)[0] == order && events.get(i)[1] == kind) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    /** A connection that records in {@code open} whether it is still open. */
    private WebSocketConnection trackingConnection(String id, Map<String, Boolean> open) {
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { WebSocketConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "id", "toString" -> id;
                    case "close" -> {
                        open.put(id, false);
                        yield Uni.createFrom().voidItem();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
