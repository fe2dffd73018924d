package io.realtime.bench.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Summary;
import io.realtime.bench.core.Target;
import io.realtime.bench.report.Result;

/** fan-out, ack and heartbeat: one {@link MessagingLoad} each, with their own defaults and headline latencies. */
public final class MessagingScenario implements Scenario {

    /** Long enough for C2 to compile the service's hot paths at these rates (measured: p99 settles after ~8 s). */
    private static final Duration WARMUP = Duration.ofSeconds(10);

    private final String name;
    private final String goal;
    private final Shape defaults;

    private MessagingScenario(String name, String goal, Shape defaults) {
        this.name = name;
        this.goal = goal;
        this.defaults = defaults;
    }

    public static MessagingScenario fanout() {
        return new MessagingScenario("messaging-fanout", "deliveries/s through PostgreSQL + Kafka, rate limit off: "
                + ">= 25k deliveries/s, send->receive p99 <= 50 ms",
                new Shape(10, 20, 200, WARMUP, Duration.ofSeconds(20), Duration.ofSeconds(10), 0, Duration.ZERO, 64));
    }

    public static MessagingScenario ack() {
        return new MessagingScenario("messaging-ack", "message:send -> ack received at a moderate fixed rate: "
                + "p99 <= 5 ms",
                new Shape(50, 2, 100, WARMUP, Duration.ofSeconds(20), Duration.ofSeconds(10), 0, Duration.ZERO, 64));
    }

    public static MessagingScenario heartbeat() {
        return new MessagingScenario("heartbeat", "WebSocket ping -> pong while messages flow: p99 <= 1 ms "
                + "(goal under 10k msg/s)",
                new Shape(10, 20, 200, WARMUP, Duration.ofSeconds(20), Duration.ofSeconds(10), 50, Duration.ofMillis(100),
                        64));
    }

    @Override
    public Peer peer() {
        return new Peer("messaging-peer.js", 9002, name.equals("messaging-fanout") ? "deliveries/s (first send to "
                + "last delivery)" : "messages/s sent");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String goal() {
        return goal;
    }

    @Override
    public Result run(Run run) {
        Target target = Target.from(run.options(), 8002);
        Shape shape = Shape.from(run.options(), defaults);
        MessagingLoad load = new MessagingLoad(run, target, shape);
        Map<String, Object> metrics = load.execute();
        Map<String, Summary> latencies = run.meter().summaries();
        List<String> notes = new ArrayList<>();
        if (load.rateLimited()) {
            notes.add("RATE_LIMIT acks: start messaging-service with MESSAGING_RATE_LIMIT_MESSAGES=1000000000 "
                    + "(the fan-out goal is measured with the rate limit off)");
        }
        notes.add("latencies count from each message's intended send time (fixed rate, corrected for coordinated "
                + "omission); 'uncorrected' from the moment it was written");
        return new Result(name, goal, "ws://" + target.host() + ":" + target.port() + "/ws",
                shape.describe(), metrics, latencies, run.progress().ticks(), notes);
    }
}
