package io.realtime.bench.socketio;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Names;
import io.realtime.bench.core.FixedRate;
import io.realtime.bench.core.Json;
import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Options;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Summary;
import io.realtime.bench.core.Target;
import io.realtime.bench.report.Result;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Socket.IO room broadcast on project-docs-service (websocket transport): members' sockets join one project room;
 * small text documents are uploaded at a fixed rate, and every {@code project_update} / {@code document_status}
 * the room hears is a delivery. Latency: upload (intended time) -> {@code document_added} at each member.
 */
public final class BroadcastScenario implements Scenario {

    private final String prefix = Names.runPrefix();

    @Override
    public Peer peer() {
        return new Peer("socketio-peer.js", 9004, "deliveries/s (first upload to last delivery)");
    }

    @Override
    public String name() {
        return "socketio-broadcast";
    }

    @Override
    public String goal() {
        return "room broadcast deliveries/s to a 1,000-member project room, websocket transport: 3x the Node "
                + "socket.io peer";
    }

    @Override
    public Result run(Run run) {
        Options o = run.options();
        Target target = Target.from(o, 8004);
        int members = o.integer("members", 20, 1, 499);
        int perMember = o.integer("sockets-per-member", 5, 1, 10);
        int rate = o.integer("rate", 2, 1, 1_000);
        Duration duration = o.duration("duration", Duration.ofSeconds(10), Duration.ofMinutes(30));
        Duration drain = o.duration("drain", Duration.ofSeconds(30), Duration.ofMinutes(5));
        long uploads = Math.max(1, rate * duration.toMillis() / 1000);
        int sockets = members * perMember;

        Json json = new Json(run.clients().http(), target);
        String owner = prefix + "-owner";
        String ownerToken = DevTokens.token(owner);
        run.progress().phase("creating the project and its " + members + " members");
        long projectId = run.await(json.post("/api/projects", ownerToken, new JsonObject().put("name", prefix)),
                Duration.ofSeconds(30)).getLong("id");
        Batches.run(members, 8, Duration.ofMinutes(5), run.meter().counter("members"), m -> json.postForBody(
                "/api/projects/" + projectId + "/members", ownerToken, new JsonObject().put("user_id", member(m))));

        Room room = new Room(run, sockets);
        run.progress().phase("connecting " + sockets + " sockets and joining project " + projectId);
        List<SocketIoClient> clients = Batches.run(sockets, 64, Duration.ofMinutes(10),
                run.meter().counter("joined"), i -> join(run, target, i, member(i / perMember), projectId, room));

        run.progress().phase("uploading " + uploads + " documents at " + rate + "/s");
        Uploads upload = new Uploads(json);
        LongAdder uploaded = run.meter().counter("uploaded");
        long start = System.nanoTime();
        run.await(new FixedRate(run, rate, uploads, (k, intended) -> upload.upload(projectId, ownerToken,
                prefix + "-" + k + "-" + intended + ".txt", "Benchmark document " + k + ". It has one sentence.")
                .onSuccess(doc -> uploaded.increment())).start(), duration.plusSeconds(30));
        run.progress().phase("waiting for every document to complete in every socket (up to "
                + drain.toSeconds() + " s)");
        long deadline = System.nanoTime() + drain.toNanos();
        while (room.completed.sum() < uploads * sockets && System.nanoTime() < deadline) {
            run.hold(Duration.ofMillis(100));
        }
        double seconds = (Math.max(room.lastDelivery, start) - start) / 1e9;
        run.await(Future.join(clients.stream().map(SocketIoClient::close).toList()), Duration.ofSeconds(30));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("members", members);
        parameters.put("sockets per member", perMember);
        parameters.put("sockets in the room", sockets);
        parameters.put("uploads/s (fixed)", rate);
        parameters.put("uploads", uploads);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("uploads accepted", uploaded.sum());
        metrics.put("deliveries (room events received)", room.deliveries.sum());
        metrics.put("deliveries/s (first upload to last delivery)", Math.round(room.deliveries.sum() / seconds));
        metrics.put("room events per upload", uploads == 0 ? 0 : room.deliveries.sum() / (double) uploads / sockets);
        metrics.put("documents completed (all sockets)", room.completed.sum() + " of " + uploads * sockets);
        Map<String, Summary> latencies = new LinkedHashMap<>();
        latencies.put(room.added.name(), room.added.summary());
        return new Result(name(), goal(), "ws://" + target.host() + ":" + target.port() + "/socket.io/",
                parameters, metrics, latencies, run.progress().ticks(), List.of(
                "each upload is stored, announced (document_added, document_status processing 0) and ingested "
                        + "(status steps to completed) by the service: the rate of uploads, not the broadcast, "
                        + "may be the limit; compare deliveries/s with the peer at the same shape",
                "latency counts from each upload's intended time (fixed rate, corrected for coordinated omission)"));
    }

    private String member(int m) {
        return prefix + "-m" + m;
    }

    private static Future<SocketIoClient> join(Run run, Target target, int index, String user, long projectId,
            Room room) {
        Promise<Void> joined = Promise.promise();
        return SocketIoClient.open(run.clients(), index, target, DevTokens.token(user), (event, args) -> {
            if (event.equals("project_joined")) {
                joined.tryComplete();
            } else {
                room.onEvent(event, args);
            }
        }).compose(client -> {
            client.emit("join_project", new JsonObject().put("project_id", projectId));
            return joined.future().map(client);
        });
    }

    /** What the room's sockets heard. */
    private final class Room {
        final LongAdder deliveries;
        final LongAdder completed;
        final Latencies added;
        volatile long lastDelivery;

        Room(Run run, int sockets) {
            this.deliveries = run.meter().counter("delivered");
            this.completed = run.meter().counter("completed");
            this.added = run.meter().latency("upload->document_added");
        }

        void onEvent(String event, JsonArray args) {
            JsonObject data = args.getJsonObject(1);
            if (event.equals("project_update")) {
                count();
                String filename = data.getJsonObject("data", new JsonObject()).getString("filename", "");
                if ("document_added".equals(data.getString("type")) && filename.startsWith(prefix)) {
                    String[] parts = filename.substring(0, filename.length() - 4).split("-");
                    added.record(System.nanoTime() - Long.parseLong(parts[parts.length - 1]));
                }
            } else if (event.equals("document_status")) {
                count();
                if ("completed".equals(data.getString("status")) || "failed".equals(data.getString("status"))) {
                    completed.increment();
                }
            }
        }

        private void count() {
            deliveries.increment();
            lastDelivery = System.nanoTime();
        }
    }
}
