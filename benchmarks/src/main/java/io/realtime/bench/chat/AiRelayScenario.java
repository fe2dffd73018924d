package io.realtime.bench.chat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Options;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.report.Result;
import io.vertx.core.Future;

/**
 * Token frames relayed by chat-service from a streaming model to many chats at once: the generator is the model
 * ({@link FakeModel}, real SSE {@code chat/completions}) and the visitors; each token's latency runs from the moment
 * the model wrote it to the moment its {@code chunk} frame reached the visitor.
 */
public final class AiRelayScenario implements Scenario {

    @Override
    public String name() {
        return "ai-relay";
    }

    @Override
    public String goal() {
        return "token frames relayed from the streaming model to concurrent chats: no token later than 5 ms after it "
                + "left the model (goal at 1,000 chats)";
    }

    @Override
    public Result run(Run run) throws Exception {
        Options o = run.options();
        RelayShape shape = RelayShape.from(o);
        TokenClock clock = new TokenClock((int) shape.totalTokens());
        RelayMeter meter = new RelayMeter(run.meter(), clock, shape.late().toNanos());
        FakeModel model = new FakeModel(run.loops().vertx(), clock, shape.tokens(), shape.every());
        int modelPort = run.await(model.listen(o.integer("model-port", 0, 0, 65535)), Duration.ofSeconds(10));
        run.progress().phase("fake model on 127.0.0.1:" + modelPort + "; starting chat-service");
        try (ChatUnderTest chat = ChatUnderTest.of(o, modelPort, shape.chats())) {
            run.progress().phase("opening " + shape.chats() + " chats on " + chat.target().http());
            List<Chat> all = Batches.run(shape.chats(), 64, Duration.ofMinutes(10), run.meter().counter("chats open"),
                    i -> new Chat(meter).open(run.clients(), i, chat.target()));
            Streamed streamed = stream(run, shape, all, meter, clock);
            run.await(Future.join(all.stream().map(c -> c.socket().close()).toList()), Duration.ofMinutes(2));
            Map<String, Object> metrics = new LinkedHashMap<>(run.meter().counts());
            metrics.put("most streams open at the model at once", model.mostOpen());
            return result(run, chat.describe(), shape, streamed, meter, metrics);
        } finally {
            run.await(model.close(), Duration.ofSeconds(10));
        }
    }

    /** The measured rounds: their duration and the tokens the model sent in them. */
    private record Streamed(double seconds, long issued) {
    }

    /** Warm-up rounds, then measured ones: each round every chat asks, and all answers complete (or time out). */
    private static Streamed stream(Run run, RelayShape shape, List<Chat> all, RelayMeter meter, TokenClock clock) {
        long start = System.nanoTime();
        long issuedBefore = 0;
        for (int round = 0; round < shape.warmup() + shape.rounds(); round++) {
            if (round == shape.warmup()) {
                meter.record();
                start = System.nanoTime();
                issuedBefore = clock.issued();
            }
            run.progress().phase((round < shape.warmup() ? "warm-up round " : "round ") + (round + 1) + ": "
                    + shape.tokens() + " tokens to each of " + all.size() + " chats");
            for (int i = 0; i < all.size(); i++) {
                Chat one = all.get(i);
                run.clients().loopOf(i).runOnContext(v -> one.ask());
            }
            long deadline = System.nanoTime() + shape.every().multipliedBy(shape.tokens()).plusSeconds(60).toNanos();
            while (meter.answers() + meter.errors().count() < (long) all.size() * (round + 1)
                    && System.nanoTime() < deadline) {
                run.hold(Duration.ofMillis(20));
            }
        }
        return new Streamed((System.nanoTime() - start) / 1e9, clock.issued() - issuedBefore);
    }

    private Result result(Run run, String target, RelayShape shape, Streamed streamed, RelayMeter meter,
            Map<String, Object> metrics) {
        metrics.put("tokens sent by the model (measured rounds)", streamed.issued());
        metrics.put("tokens lost (sent, never received)", streamed.issued() - meter.frames());
        metrics.put("token frames/s (first to last frame of the measured rounds)", meter.framesPerSecond());
        metrics.put("measured rounds (s, until every answer completed or failed)",
                Math.round(streamed.seconds() * 10) / 10.0);
        metrics.put("late tokens (%)", meter.frames() == 0 ? 0 : Math.round(meter.late() * 10000.0 / meter.frames())
                / 100.0);
        meter.errors().report(metrics);
        return new Result(name(), goal(), target, shape.describe(), metrics, run.meter().summaries(),
                run.progress().ticks(), List.of(
                        "per-token latency: from the fake model writing the token's SSE event to the visitor "
                                + "receiving its chunk frame (model, chat-service and visitors share one JVM clock)",
                        "tokens are sent as 'w<id> ' (the space after the word), so chat-service's word chunking "
                                + "lets each word go at once; a model whose tokens start with a space instead "
                                + "makes each word wait for the next token (one token interval)",
                        "each round all chats ask at once; warm-up rounds (a fresh JVM's first answers) are not "
                                + "counted; the details extraction after each answer (non-streaming) is "
                                + "answered '{}' at once"));
    }
}
