package io.realtime.kit.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a WebSocket endpoint does, as Prometheus sees it ({@code /q/metrics}):
 * <ul>
 * <li>{@code realtime_ws_connections{endpoint}}: connections open now (authenticated or not);</li>
 * <li>{@code realtime_ws_frames_in_total{endpoint,type}}: client frames by their protocol type ({@code invalid} when
 * the frame could not be decoded);</li>
 * <li>{@code realtime_ws_frames_out_total{endpoint,type}}: frames sent, by type;</li>
 * <li>{@code realtime_ws_errors_total{endpoint,code}}: error frames and refusals sent, by error code.</li>
 * </ul>
 * Types and codes come from the protocol's closed sets, never from client text, so the series stay bounded.
 */
@Singleton
public class SocketMetrics {

    public static final String INVALID_TYPE = "invalid";

    private record Key(String endpoint, String name) {
    }

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Key, Counter> framesIn = new ConcurrentHashMap<>();
    private final Map<Key, Counter> framesOut = new ConcurrentHashMap<>();
    private final Map<Key, Counter> errors = new ConcurrentHashMap<>();

    public SocketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void opened(String endpoint) {
        connections(endpoint).incrementAndGet();
    }

    public void closed(String endpoint) {
        connections(endpoint).decrementAndGet();
    }

    public void frameIn(String endpoint, String type) {
        counter(framesIn, "realtime.ws.frames.in", "type", endpoint, type).increment();
    }

    public void frameOut(String endpoint, String type) {
        counter(framesOut, "realtime.ws.frames.out", "type", endpoint, type).increment();
    }

    public void error(String endpoint, String code) {
        counter(errors, "realtime.ws.errors", "code", endpoint, code).increment();
    }

    private AtomicInteger connections(String endpoint) {
        return open.computeIfAbsent(endpoint, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("realtime.ws.connections", count, AtomicInteger::get)
                    .description("WebSocket connections open now")
                    .tag("endpoint", name)
                    .register(registry);
            return count;
        });
    }

    private Counter counter(Map<Key, Counter> counters, String meter, String tag, String endpoint, String value) {
        return counters.computeIfAbsent(new Key(endpoint, value), key -> Counter.builder(meter)
                .tag("endpoint", key.endpoint())
                .tag(tag, key.name())
                .register(registry));
    }
}
