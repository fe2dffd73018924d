package io.realtime.assessment.quiz.endpoint;

import io.quarkus.websockets.next.UserData;
import io.realtime.assessment.connection.Replies;

/**
 * What one authenticated connection knows: who, which test, where its frames go, and the attempt once started or
 * recovered. Its frames are handled one at a time (websockets-next serialises a connection's messages).
 */
public final class QuizSession {

    public static final UserData.TypedKey<QuizSession> KEY = new UserData.TypedKey<>("quiz-session");

    private final String userId;
    private final long testId;
    private final Replies replies;
    private volatile Long attemptId;

    public QuizSession(String userId, long testId, Replies replies) {
        this.userId = userId;
        this.testId = testId;
        this.replies = replies;
    }

    public String userId() {
        return userId;
    }

    public Replies replies() {
        return replies;
    }

    public long testId() {
        return testId;
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
