package io.realtime.bench.assessment;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.FixedRate;
import io.realtime.bench.core.Json;
import io.realtime.bench.core.Names;
import io.realtime.bench.core.Options;
import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.Target;
import io.realtime.bench.messaging.MessagingSocket;
import io.realtime.bench.report.Result;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.Future;

/**
 * {@code --candidates} candidates, each with its own JWT and socket ({@code /ws/assessment/{test}?token=}), start an
 * attempt at one bank test made for the run; answers are then due at {@code --rate} per second round-robin over the
 * candidates for {@code --duration}: submit_answer -> answer_feedback, corrected for coordinated omission.
 */
public final class AssessmentScenario implements Scenario {

    private final String prefix = Names.runPrefix();

    @Override
    public String name() {
        return "assessment";
    }

    @Override
    public String goal() {
        return "concurrent candidates answering bank questions: submit_answer -> answer_feedback p99 <= 20 ms "
                + "(goal at 5k candidates)";
    }

    @Override
    public Result run(Run run) {
        Options o = run.options();
        Target target = Target.from(o, 8001);
        int candidates = o.integer("candidates", 200, 1, 50_000);
        int rate = o.integer("rate", 100, 1, 100_000);
        Duration duration = o.duration("duration", Duration.ofSeconds(20), Duration.ofMinutes(30));
        Duration drain = o.duration("drain", Duration.ofSeconds(10), Duration.ofMinutes(10));
        long answers = Math.max(1, rate * duration.toMillis() / 1000);
        int questions = (int) Math.min(200, (answers + candidates - 1) / candidates + 1);

        run.progress().phase("creating a test with " + questions + " bank questions");
        long testId = TestBank.create(run, new Json(run.clients().http(), target), prefix, questions);
        AnswerMeter meter = new AnswerMeter(run.meter());
        run.progress().phase("connecting " + candidates + " candidates and starting their attempts");
        List<Candidate> all = Batches.run(candidates, 128, Duration.ofMinutes(20),
                run.meter().counter("candidates ready"), i -> open(run, target, testId, meter, i));

        run.progress().phase("answering at " + rate + "/s for " + duration.toSeconds() + " s");
        long start = System.nanoTime();
        run.await(new FixedRate(run, rate, answers, (k, intended) -> {
            int index = (int) (k % candidates);
            run.clients().loopOf(index).runOnContext(v -> all.get(index).due(intended));
        }).start(), duration.plusMinutes(1));
        run.progress().phase("draining");
        long deadline = System.nanoTime() + drain.toNanos();
        while (meter.answered() + meter.skipped().sum() < answers
                && System.nanoTime() < deadline) {
            run.hold(Duration.ofMillis(50));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        run.await(Future.join(all.stream().map(c -> c.socket().close()).toList()), Duration.ofMinutes(2));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("candidates", candidates);
        parameters.put("answers/s offered", rate);
        parameters.put("duration", duration.toSeconds() + " s");
        parameters.put("test", testId + " (" + questions + " questions, bank of " + questions + ")");
        Map<String, Object> metrics = new LinkedHashMap<>(run.meter().counts());
        metrics.put("answers due", answers);
        metrics.put("feedbacks/s (first due to last feedback)", Math.round(meter.answered() / seconds));
        meter.errors().report(metrics);
        return new Result(name(), goal(), "ws://" + target.host() + ":" + target.port() + "/ws/assessment/"
                + testId, parameters, metrics, run.meter().summaries(), run.progress().ticks(), List.of(
                        "latency from the moment each answer fell due (fixed rate, round-robin over candidates; "
                                + "an answer due while its candidate waits for feedback or the next question "
                                + "waits, and the wait counts); 'uncorrected' from the moment it was written",
                        "questions come from the bank when the service has no OPENAI_API_KEY (as ./run starts "
                                + "it); options are picked at random, the answer key is never used"));
    }

    private Future<Candidate> open(Run run, Target target, long testId, AnswerMeter meter, int i) {
        Candidate candidate = new Candidate(meter);
        String path = "/ws/assessment/" + testId + "?token=" + DevTokens.token(prefix + "-c" + i);
        return MessagingSocket.open(run.clients(), i, target, path, "auth_success", candidate::onFrame, pong -> { })
                .compose(socket -> candidate.start(socket, testId));
    }
}
