package io.realtime.bench.assessment;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.realtime.bench.core.Batches;
import io.realtime.bench.core.Json;
import io.realtime.bench.core.Run;
import io.realtime.infra.token.DevTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The test every candidate takes, made through the instructor REST API (an {@code instructor} JWT): open to all, an
 * hour long, {@code questions} questions drawn from a bank of as many (the service never asks one twice).
 */
final class TestBank {

    private static final String[] DIFFICULTIES = {"easy", "medium", "hard"};

    private TestBank() {
    }

    static long create(Run run, Json json, String prefix, int questions) {
        String token = DevTokens.forUser(prefix + "-instructor").groups("instructor").sign();
        JsonObject test = run.await(json.post("/api/assessment/tests", token, new JsonObject()
                .put("name", prefix + " bench test").put("skills", new JsonArray().add("Benchmarking"))
                .put("total_questions", questions).put("time_limit_minutes", 60)
                .put("question_time_limit_seconds", 3600).put("min_difficulty", "easy")
                .put("max_difficulty", "hard").put("initial_difficulty", "medium").put("open_to_all", true)),
                Duration.ofSeconds(30));
        long testId = test.getLong("id");
        Batches.run(questions, 16, Duration.ofMinutes(2), run.meter().counter("bank questions"), i -> json.post(
                "/api/assessment/tests/" + testId + "/questions", token, question(prefix, i)));
        return testId;
    }

    private static JsonObject question(String prefix, int i) {
        JsonObject options = new JsonObject();
        for (String option : new String[] {"A", "B", "C", "D"}) {
            options.put(option, "option " + option + " of question " + i);
        }
        String correct = "ABCD".substring(i % 4, i % 4 + 1);
        return new JsonObject().put("text", prefix + " question " + i + ": which option is right?")
                .put("options", options).put("correct_option", correct)
                .put("difficulty", DIFFICULTIES[ThreadLocalRandom.current().nextInt(DIFFICULTIES.length)])
                .put("skill", "Benchmarking");
    }
}
