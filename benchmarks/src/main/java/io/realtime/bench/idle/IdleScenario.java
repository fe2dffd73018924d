package io.realtime.bench.idle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Names;
import io.realtime.bench.core.Options;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Target;
import io.realtime.bench.messaging.MessagingSocket;
import io.realtime.bench.report.Result;
import io.realtime.bench.socketio.SocketIoClient;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.Future;

/**
 * Idle authenticated connections: the service's RSS and heap (after a full GC, through jcmd) before and after
 * {@code --connections} sockets are open and idle, per connection. {@code --service messaging} (default, :8002,
 * {@code /ws?token=}) or {@code docs} (:8004, Socket.IO with {@code auth.token}); {@code --pid} overrides the
 * process found listening on the port.
 */
public final class IdleScenario implements Scenario {

    private final String prefix = Names.runPrefix();

    @Override
    public String name() {
        return "idle";
    }

    @Override
    public String goal() {
        return "RSS and heap per authenticated idle connection: 50k connections per service JVM, <= 12 KB each";
    }

    @Override
    public Result run(Run run) throws Exception {
        Options o = run.options();
        String service = o.string("service", "messaging");
        boolean docs = service.equals("docs") || service.equals("project-docs");
        Target target = Target.from(o, docs ? 8004 : 8002);
        int connections = o.integer("connections", 200, 1, 250_000);
        Duration hold = o.duration("hold", Duration.ofSeconds(3), Duration.ofMinutes(30));
        long pid = o.values().containsKey("pid") ? Long.parseLong(o.string("pid", ""))
                : ListeningPid.of(target.port()).orElseThrow(() -> new IllegalStateException(
                        "no process of ours listens on " + target.port() + " (or pass --pid)"));
        ProcessMemory memory = new ProcessMemory(pid);

        run.progress().phase("baseline of pid " + pid + " (full GC)");
        ProcessMemory.Sample before = memory.sample();
        run.progress().phase("opening " + connections + " idle connections");
        List<Object> sockets = Batches.run(connections, 128, Duration.ofMinutes(20),
                run.meter().counter("connected"), i -> open(run, target, docs, i));
        run.progress().phase("holding " + hold.toSeconds() + " s, then a full GC");
        run.hold(hold);
        ProcessMemory.Sample after = memory.sample();
        run.progress().phase("closing");
        run.await(Future.join(sockets.stream().map(s -> s instanceof MessagingSocket m ? m.close()
                : ((SocketIoClient) s).close()).toList()), Duration.ofMinutes(2));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("service", docs ? "project-docs (Socket.IO, websocket transport)" : "messaging (/ws)");
        parameters.put("connections", connections);
        parameters.put("pid", pid);
        parameters.put("source addresses", 1 + (connections - 1) / io.realtime.bench.core.Clients.PER_ADDRESS);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("RSS before (KB)", before.rssKb());
        metrics.put("RSS after (KB)", after.rssKb());
        metrics.put("heap used after full GC, before (KB)", before.heapKb());
        metrics.put("heap used after full GC, after (KB)", after.heapKb());
        metrics.put("RSS per connection (KB)", perConnection(after.rssKb() - before.rssKb(), connections));
        metrics.put("heap per connection (KB)", perConnection(after.heapKb() - before.heapKb(), connections));
        return new Result(name(), goal(), target.http(), parameters, metrics, Map.of(), run.progress().ticks(),
                List.of("heap = G1 'used' after jcmd GC.run (a full GC); RSS includes native buffers and heap the "
                        + "JVM keeps committed, so it is noisy for small counts: use thousands of connections"));
    }

    private Future<Object> open(Run run, Target target, boolean docs, int i) {
        String token = DevTokens.token(prefix + "-u" + i);
        if (docs) {
            return SocketIoClient.open(run.clients(), i, target, token, (event, args) -> { }).map(s -> s);
        }
        return MessagingSocket.open(run.clients(), i, target, "/ws?token=" + token, frame -> { }, pong -> { })
                .map(s -> s);
    }

    private static double perConnection(long deltaKb, int connections) {
        return Math.round(deltaKb * 100.0 / connections) / 100.0;
    }
}
