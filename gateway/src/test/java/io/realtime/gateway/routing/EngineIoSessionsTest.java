package io.realtime.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class EngineIoSessionsTest {

    private static final long IDLE = TimeUnit.SECONDS.toNanos(60);
    private static final Instance ONE = Instance.of("docs", URI.create("http://10.0.0.1:8004"));
    private static final Instance TWO = Instance.of("docs", URI.create("http://10.0.0.2:8004"));

    private final AtomicLong now = new AtomicLong(1_000);
    private final EngineIoSessions sessions = new EngineIoSessions(3, IDLE, now::get);

    @Test
    void aSessionIsRoutedUntilItIdlesOrIsForgotten() {
        sessions.remember("a", ONE);
        sessions.remember("b", TWO);
        assertThat(sessions.instanceOf("a")).hasValue(ONE);
        assertThat(sessions.instanceOf("b")).hasValue(TWO);
        assertThat(sessions.instanceOf("c")).isEmpty();

        now.addAndGet(IDLE); // exactly the idle timeout after its last request: still there
        assertThat(sessions.instanceOf("a")).hasValue(ONE);
        now.addAndGet(IDLE + 1);
        assertThat(sessions.instanceOf("a")).isEmpty();

        sessions.remember("c", ONE);
        sessions.forget("c");
        assertThat(sessions.instanceOf("c")).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoesBeyondTheCap() {
        sessions.remember("a", ONE);
        sessions.remember("b", ONE);
        sessions.remember("c", ONE);
        sessions.instanceOf("a"); // b is now the least recently used
        sessions.remember("d", TWO);

        assertThat(sessions.instanceOf("b")).isEmpty();
        assertThat(sessions.instanceOf("a")).hasValue(ONE);
        assertThat(sessions.instanceOf("c")).hasValue(ONE);
        assertThat(sessions.instanceOf("d")).hasValue(TWO);
    }

    @Test
    void idleSessionsMakeRoomForNewOnes() {
        sessions.remember("a", ONE);
        sessions.remember("b", ONE);
        now.addAndGet(IDLE / 2);
        sessions.remember("c", ONE);
        now.addAndGet(IDLE / 2 + 1); // a and b idle, c not
        sessions.remember("d", TWO);
        sessions.remember("e", TWO); // within the cap once a and b are gone: c stays

        assertThat(sessions.instanceOf("c")).hasValue(ONE);
        assertThat(sessions.instanceOf("d")).hasValue(TWO);
        assertThat(sessions.instanceOf("e")).hasValue(TWO);
    }
}
