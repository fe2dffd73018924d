package io.realtime.bench.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Names;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Summary;
import io.realtime.bench.core.Target;
import io.realtime.bench.report.Result;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.Future;

/**
 * JWT connects on messaging-service: {@code --connections} sockets opened with up to {@code --parallel} handshakes
 * in flight (connects/s, handshake -> {@code connection:authenticated} latency), then all dropped and reconnecting
 * at once (time until every one is authenticated again: "settled").
 */
public final class ConnectStormScenario implements Scenario {

    private final String prefix = Names.runPrefix();

    @Override
    public String name() {
        return "connect-storm";
    }

    @Override
    public String goal() {
        return "JWT connects/s >= 1,000; 10k clients dropped and reconnecting at once settled <= 15 s";
    }

    @Override
    public Result run(Run run) {
        Target target = Target.from(run.options(), 8002);
        int connections = run.options().integer("connections", 500, 1, 100_000);
        int parallel = run.options().integer("parallel", 256, 1, 10_000);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < connections; i++) {
            tokens.add(DevTokens.token(prefix + "-u" + i));
        }
        Latencies first = run.meter().latency("connect (first)");
        Latencies again = run.meter().latency("connect (reconnect storm)");
        run.progress().phase("connecting " + connections + " sockets, " + parallel + " in flight");
        long start = System.nanoTime();
        List<MessagingSocket> sockets = open(run, target, tokens, parallel, first, "connected");
        double connectSeconds = (System.nanoTime() - start) / 1e9;
        run.progress().phase("dropping all " + connections + " and reconnecting at once");
        run.await(Future.join(sockets.stream().map(MessagingSocket::close).toList()), Duration.ofMinutes(2));
        long storm = System.nanoTime();
        List<MessagingSocket> back = open(run, target, tokens, connections, again, "reconnected");
        double settled = (System.nanoTime() - storm) / 1e9;
        run.await(Future.join(back.stream().map(MessagingSocket::close).toList()), Duration.ofMinutes(2));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("connections", connections);
        parameters.put("handshakes in flight (first phase)", parallel);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("connects/s (first phase)", Math.round(connections / connectSeconds));
        metrics.put("reconnect storm settled (s)", Math.round(settled * 100) / 100.0);
        Map<String, Summary> latencies = new LinkedHashMap<>();
        latencies.put(first.name(), first.summary());
        latencies.put(again.name(), again.summary());
        return new Result(name(), goal(), "ws://" + target.host() + ":" + target.port() + "/ws", parameters,
                metrics, latencies, run.progress().ticks(), List.of("tokens are minted before the clock starts; a "
                        + "connect counts from the handshake request to connection:authenticated"));
    }

    private static List<MessagingSocket> open(Run run, Target target, List<String> tokens, int parallel,
            Latencies latency, String counter) {
        return Batches.run(tokens.size(), parallel, Duration.ofMinutes(10), run.meter().counter(counter), i -> {
            long begin = System.nanoTime();
            return MessagingSocket.open(run.clients(), i, target, "/ws?token=" + tokens.get(i), frame -> { },
                    pong -> { }).onSuccess(s -> latency.record(System.nanoTime() - begin));
        });
    }
}
