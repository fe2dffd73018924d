package io.realtime.bench.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Names;
import io.realtime.bench.core.FixedRate;
import io.realtime.bench.core.Json;
import io.realtime.bench.core.Latencies;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Target;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The messaging-service load behind fan-out, ack and heartbeat: conversations created over REST, one socket per
 * member, messages sent at a fixed rate (open loop: message k is due at start + k/rate, and latencies count from
 * that intended time, which corrects for coordinated omission), every {@code message:receive} and ack timed.
 */
public final class MessagingLoad {

    private final Run run;
    private final Target target;
    private final Shape shape;
    private final String prefix = Names.runPrefix();
    /** Message ids start with one of these: the warm-up's are not measured. */
    private final String measuredIds = prefix + ".";
    private final String warmupIds = prefix + "w.";
    private final LongAdder warmupSent = new LongAdder();
    private final LongAdder warmupDeliveries = new LongAdder();
    private final LongAdder sent;
    private final LongAdder deliveries;
    private final LongAdder acks;
    private final LongAdder ackErrors;
    private final LongAdder pongs;
    private final Latencies receive;
    private final Latencies receiveRaw;
    private final Latencies ack;
    private final Latencies pong;
    private final Map<String, Long> errorCodes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long lastDelivery;

    public MessagingLoad(Run run, Target target, Shape shape) {
        this.run = run;
        this.target = target;
        this.shape = shape;
        this.sent = run.meter().counter("sent");
        this.deliveries = run.meter().counter("delivered");
        this.acks = run.meter().counter("acked");
        this.ackErrors = run.meter().counter("ack-errors");
        this.pongs = run.meter().counter("pongs");
        this.receive = run.meter().latency("send->receive");
        this.receiveRaw = run.meter().latency("send->receive (uncorrected)");
        this.ack = run.meter().latency("send->ack received");
        this.pong = run.meter().latency("ping->pong");
    }

    /** Runs set-up, traffic and drain; returns the headline metrics (latencies stay in the meter). */
    public Map<String, Object> execute() {
        List<String> ids = createConversations();
        List<MessagingSocket> sockets = connect();
        warmUp(sockets, ids);
        run.progress().phase("sending " + shape.messages() + " messages at " + shape.rate() + "/s");
        long start = System.nanoTime();
        long pingTimer = startPings(sockets);
        run.await(new FixedRate(run, shape.rate(), shape.messages(),
                (k, intended) -> send(sockets, ids, k, intended, false)).start(), shape.duration().plusSeconds(30));
        long sendEnd = System.nanoTime();
        run.progress().phase("draining (up to " + shape.drain().toSeconds() + " s)");
        long expected = sent.sum() * shape.members();
        drain(deliveries, expected);
        run.loops().vertx().cancelTimer(pingTimer);
        long end = Math.max(sendEnd, lastDelivery);
        run.progress().phase("closing " + sockets.size() + " sockets");
        run.await(Future.join(sockets.stream().map(MessagingSocket::close).toList()), Duration.ofSeconds(30));
        return metrics(start, sendEnd, end, expected);
    }

    /** The same traffic, not measured; then its deliveries drain, so that none of them is counted as measured. */
    private void warmUp(List<MessagingSocket> sockets, List<String> ids) {
        long messages = shape.warmupMessages();
        if (messages == 0) {
            return;
        }
        run.progress().phase("warming up: " + messages + " messages at " + shape.rate() + "/s, not measured");
        run.await(new FixedRate(run, shape.rate(), messages, (k, intended) -> send(sockets, ids, k, intended, true))
                .start(), shape.warmup().plusSeconds(30));
        drain(warmupDeliveries, warmupSent.sum() * shape.members());
    }

    private void drain(LongAdder delivered, long expected) {
        long deadline = System.nanoTime() + shape.drain().toNanos();
        while (delivered.sum() < expected && System.nanoTime() < deadline) {
            run.hold(Duration.ofMillis(50));
        }
    }

    private Map<String, Object> metrics(long start, long sendEnd, long end, long expected) {
        double sendSeconds = (sendEnd - start) / 1e9;
        double seconds = (end - start) / 1e9;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("messages sent", sent.sum());
        metrics.put("messages/s sent", round(sent.sum() / sendSeconds));
        metrics.put("deliveries", deliveries.sum());
        metrics.put("deliveries expected", expected);
        metrics.put("deliveries/s (first send to last delivery)", round(deliveries.sum() / seconds));
        metrics.put("acks received", acks.sum());
        metrics.put("ack errors", ackErrors.sum());
        if (!errorCodes.isEmpty()) {
            metrics.put("ack error codes", new JsonObject(new LinkedHashMap<>(errorCodes)).encode());
        }
        if (pongs.sum() > 0) {
            metrics.put("pongs", pongs.sum());
        }
        return metrics;
    }

    public boolean rateLimited() {
        return errorCodes.containsKey("RATE_LIMIT");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private List<String> createConversations() {
        run.progress().phase("creating " + shape.conversations() + " conversations");
        Json json = new Json(run.clients().http(), target);
        LongAdder created = run.meter().counter("conversations");
        return Batches.run(shape.conversations(), 16, Duration.ofMinutes(5), created, c -> {
            JsonArray others = new JsonArray();
            for (int m = 1; m < shape.members(); m++) {
                others.add(user(c, m));
            }
            return json.post("/api/conversations", DevTokens.token(user(c, 0)),
                    new JsonObject().put("title", prefix + " " + c).put("participants", others))
                    .map(body -> body.getString("id"));
        });
    }

    private List<MessagingSocket> connect() {
        run.progress().phase("connecting " + shape.sockets() + " sockets");
        LongAdder connected = run.meter().counter("connected");
        return Batches.run(shape.sockets(), 64, Duration.ofMinutes(10), connected, i -> MessagingSocket.open(
                run.clients(), i, target, "/ws?token=" + DevTokens.token(user(i / shape.members(),
                        i % shape.members())), this::onFrame, this::onPong));
    }

    private String user(int conversation, int member) {
        return prefix + "-c" + conversation + "-m" + member;
    }

    private void send(List<MessagingSocket> sockets, List<String> ids, long k, long intended, boolean warmup) {
        int conversation = (int) (k % shape.conversations());
        int member = (int) ((k / shape.conversations()) % shape.members());
        String messageId = (warmup ? warmupIds : measuredIds) + k + "." + intended + "." + System.nanoTime();
        sockets.get(conversation * shape.members() + member).send(new JsonObject().put("type", "message:send")
                .put("messageId", messageId).put("conversationId", ids.get(conversation))
                .put("content", "x".repeat(shape.contentChars())));
        (warmup ? warmupSent : sent).increment();
    }

    private void onFrame(JsonObject frame) {
        long now = System.nanoTime();
        String type = frame.getString("type");
        String messageId = frame.getString("messageId", "");
        if (messageId.startsWith(warmupIds)) {
            if ("message:receive".equals(type)) {
                warmupDeliveries.increment();
            }
            return;
        }
        if (!messageId.startsWith(measuredIds)) {
            return;
        }
        String[] parts = messageId.split("\\.");
        long intended = Long.parseLong(parts[2]);
        long actual = Long.parseLong(parts[3]);
        if ("message:receive".equals(type)) {
            deliveries.increment();
            receive.record(now - intended);
            receiveRaw.record(now - actual);
            lastDelivery = now;
        } else if ("message:ack".equals(type)) {
            String status = frame.getString("status");
            if ("received".equals(status)) {
                acks.increment();
                ack.record(now - intended);
            } else if ("error".equals(status)) {
                ackErrors.increment();
                errorCodes.merge(frame.getString("code", "?"), 1L, Long::sum);
            }
        }
    }

    private void onPong(Buffer payload) {
        if (payload.length() == Long.BYTES) {
            pongs.increment();
            pong.record(System.nanoTime() - payload.getLong(0));
        }
    }

    private long startPings(List<MessagingSocket> sockets) {
        if (shape.pingers() == 0 || shape.pingEvery().isZero()) {
            return -1;
        }
        List<MessagingSocket> pingers = new ArrayList<>(sockets.subList(0, Math.min(shape.pingers(),
                sockets.size())));
        return run.loops().vertx().setPeriodic(shape.pingEvery().toMillis(), id -> {
            for (MessagingSocket socket : pingers) {
                socket.ping(Buffer.buffer().appendLong(System.nanoTime()));
            }
        });
    }
}
