package io.realtime.bench.assessment;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

import io.realtime.bench.messaging.MessagingSocket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/**
 * One candidate's attempt, owned by its connection's event loop: answers fall due at the fixed rate; each goes out
 * as soon as the candidate has a question on screen and no answer waiting for feedback, and its latency counts from
 * the moment it fell due. The option is picked at random: the answer key is never used.
 */
final class Candidate {

    private static final String[] OPTIONS = {"A", "B", "C", "D"};

    private final AnswerMeter meter;
    private final Promise<Candidate> firstQuestion = Promise.promise();
    private final ArrayDeque<Long> due = new ArrayDeque<>();
    private MessagingSocket socket;
    private String question;
    private long inFlightDue = -1;
    private long inFlightSent;
    private boolean finished;

    Candidate(AnswerMeter meter) {
        this.meter = meter;
    }

    /** Starts the attempt on an authenticated socket; completes when the first question is on screen. */
    Future<Candidate> start(MessagingSocket authenticated, long testId) {
        socket = authenticated;
        socket.send(new JsonObject().put("type", "start_assessment").put("data", new JsonObject()
                .put("test_id", testId)));
        return firstQuestion.future();
    }

    MessagingSocket socket() {
        return socket;
    }

    /** An answer falls due (on this candidate's event loop). */
    void due(long intendedNanos) {
        if (finished) {
            meter.skipped().increment();
            return;
        }
        due.add(intendedNanos);
        trySend();
    }

    void onFrame(JsonObject frame) {
        JsonObject data = frame.getJsonObject("data", new JsonObject());
        switch (frame.getString("type", "")) {
            case "question" -> {
                question = data.getString("question_id");
                firstQuestion.tryComplete(this);
                trySend();
            }
            case "answer_feedback" -> {
                long now = System.nanoTime();
                if (inFlightDue >= 0) {
                    meter.feedback(now - inFlightDue, now - inFlightSent);
                    inFlightDue = -1;
                }
                JsonObject progress = data.getJsonObject("progress", new JsonObject());
                finished = progress.getInteger("answered", 0) >= progress.getInteger("total", Integer.MAX_VALUE);
                meter.skipped().add(finished ? due.size() : 0);
                if (finished) {
                    due.clear();
                }
            }
            case "error" -> {
                meter.errors().add(data.getString("code", "") + " " + data.getString("error", frame.encode()));
                firstQuestion.tryFail("error before the first question: " + frame.encode());
                inFlightDue = -1;
            }
            default -> {
            }
        }
    }

    private void trySend() {
        if (inFlightDue >= 0 || question == null || due.isEmpty()) {
            return;
        }
        inFlightDue = due.poll();
        inFlightSent = System.nanoTime();
        String option = OPTIONS[ThreadLocalRandom.current().nextInt(OPTIONS.length)];
        socket.send(new JsonObject().put("type", "submit_answer").put("data", new JsonObject()
                .put("question_id", question).put("selected_option", option)));
        question = null;
        meter.sent().increment();
    }
}
