package io.realtime.assessment.connection.service;

import io.quarkus.websockets.next.UserData;
import io.realtime.assessment.quiz.domain.AssessmentTest;

/** What one authenticated connection knows: who, which test, and the attempt once started or recovered. */
public final class QuizSession {

    public static final UserData.TypedKey<QuizSession> KEY = new UserData.TypedKey<>("quiz-session");

    private final String userId;
    private final AssessmentTest test;
    private volatile Long attemptId;

    public QuizSession(String userId, AssessmentTest test) {
        this.userId = userId;
        this.test = test;
    }

    public String userId() {
        return userId;
    }

    public AssessmentTest test() {
        return test;
    }

    public long testId() {
        return test.id;
    }

    public Long attemptId() {
        return attemptId;
    }

    public void attemptId(long id) {
        this.attemptId = id;
    }

    public String threadId() {
        return attemptId == null ? null : attemptId.toString();
    }
}
