package io.realtime.assessment.quiz.endpoint;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtime.assessment.connection.Replies;
import io.realtime.assessment.protocol.ClientMessage;
import io.realtime.assessment.protocol.ServerMessage;
import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.service.AssessmentException;
import io.realtime.assessment.quiz.service.AssessmentService;
import io.realtime.assessment.quiz.service.ChatAssistant;
import io.realtime.assessment.quiz.service.QuestionUnavailableException;
import io.realtime.assessment.quiz.service.QuizViews;
import io.realtime.protocol.error.ErrorCode;
import io.smallrye.mutiny.Uni;

/**
 * Answers each client frame of an authenticated connection with the guide's frames, in the guide's order: one
 * method per message type ({@link ClientMessage.Handler}), each calling the quiz services; every failure becomes the
 * guide's error frame.
 */
@ApplicationScoped
public class AssessmentDispatcher implements ClientMessage.Handler<QuizSession, Uni<Void>> {

    private final AssessmentService assessments;
    private final ChatAssistant chat;

    public AssessmentDispatcher(AssessmentService assessments, ChatAssistant chat) {
        this.assessments = assessments;
        this.chat = chat;
    }

    public Uni<Void> dispatch(ClientMessage message, QuizSession session) {
        return message.dispatch(this, session)
                .onFailure().recoverWithUni(failure -> replyToFailure(failure, session.replies()));
    }

    @Override
    public Uni<Void> startAssessment(ClientMessage.StartAssessment start, QuizSession session) {
        return start(session, start, session.replies());
    }

    @Override
    public Uni<Void> getQuestion(ClientMessage.GetQuestion message, QuizSession session) {
        return withAttempt(session).chain(id -> sendQuestion(session, session.replies()));
    }

    @Override
    public Uni<Void> submitAnswer(ClientMessage.SubmitAnswer answer, QuizSession session) {
        return submit(session, answer, session.replies());
    }

    @Override
    public Uni<Void> getProgress(ClientMessage.GetProgress message, QuizSession session) {
        Replies replies = session.replies();
        return withAttempt(session).chain(assessments::progress)
                .chain(progress -> replies.send(progressUpdate(session, progress, replies)));
    }

    @Override
    public Uni<Void> completeAssessment(ClientMessage.CompleteAssessment message, QuizSession session) {
        return withAttempt(session).chain(assessments::complete)
                .chain(result -> session.replies().send(completed(result)));
    }

    @Override
    public Uni<Void> chatMessage(ClientMessage.ChatMessage message, QuizSession session) {
        return chat(session, message, session.replies());
    }

    @Override
    public Uni<Void> heartbeat(ClientMessage.Heartbeat message, QuizSession session) {
        return session.replies().send(new ServerMessage.Pong(session.replies().now()));
    }

    private Uni<Void> start(QuizSession session, ClientMessage.StartAssessment start, Replies replies) {
        if (start.testId() != null && start.testId() != session.testId()) {
            return replies.error(ErrorCode.ASSESSMENT_FAILED,
                    "Can't start assessment: test_id " + start.testId() + " is not the test of this connection");
        }
        return assessments.start(session.testId(), session.userId()).chain(outcome -> {
            session.attemptId(outcome.attemptId());
            String threadId = session.threadId();
            if (outcome instanceof QuizViews.Recovered recovered) {
                return replies.send(new ServerMessage.AssessmentRecovered(recovered.attemptId(), threadId,
                        progress(recovered.progress()), "Previous assessment session recovered"));
            }
            QuizViews.Started started = (QuizViews.Started) outcome;
            return replies.send(new ServerMessage.AssessmentStarted(started.testId(), started.attemptId(), threadId,
                    started.testName(), started.timeLimitMinutes(), started.totalQuestions(),
                    "Assessment session started successfully"))
                    .chain(() -> sendQuestion(session, replies)
                            .onFailure().recoverWithUni(failure -> replyToFailure(failure, replies)));
        });
    }

    /**
     * The answer is committed before its feedback is sent. Generation of the next question starts at the same time
     * as the feedback is sent, so the candidate reads the feedback while the model writes.
     */
    private Uni<Void> submit(QuizSession session, ClientMessage.SubmitAnswer answer, Replies replies) {
        return withAttempt(session)
                .chain(id -> assessments.submitAnswer(id, answer.questionId(), answer.selectedOption()))
                .chain(answered -> {
                    Uni<Void> feedback = replies.send(new ServerMessage.AnswerFeedback(answered.questionId(),
                            new ServerMessage.Feedback(answered.correct(), answered.selected().name(),
                                    answered.correctAnswer().name(), answered.correct() ? "Correct answer!"
                                            : "Incorrect. The correct answer is " + answered.correctAnswer().name()
                                                    + "."),
                            progress(answered.progress()), session.threadId()))
                            .chain(() -> replies.send(progressUpdate(session, answered.progress(), replies)));
                    if (!answered.moreToAsk()) {
                        return feedback;
                    }
                    Uni<QuizViews.ShownQuestion> next = assessments.currentOrNextQuestion(answered.attemptId())
                            .memoize().indefinitely();
                    return Uni.combine().all().unis(feedback, next.onFailure().recoverWithNull()).discardItems()
                            .chain(() -> next.chain(question -> replies.send(question(question)))
                                    .onFailure().recoverWithUni(failure -> replyToFailure(failure, replies)));
                });
    }

    private Uni<Void> sendQuestion(QuizSession session, Replies replies) {
        return assessments.currentOrNextQuestion(session.attemptId()).chain(question -> replies.send(question(question)));
    }

    private Uni<Void> chat(QuizSession session, ClientMessage.ChatMessage message, Replies replies) {
        Uni<QuizViews.ShownQuestion> onScreen = session.attemptId() == null ? Uni.createFrom().nullItem()
                : assessments.questionOnScreen(session.attemptId()).map(q -> q.orElse(null));
        return onScreen.chain(question -> assessments.test(session.testId())
                .chain(test -> chat.reply(test, question, message.message())))
                .chain(reply -> replies.send(new ServerMessage.SystemMessage(reply, replies.now())));
    }

    /** The attempt this connection works on: the one it started, else the user's attempt in progress. */
    private Uni<Long> withAttempt(QuizSession session) {
        if (session.attemptId() != null) {
            return Uni.createFrom().item(session.attemptId());
        }
        return assessments.attemptInProgress(session.testId(), session.userId()).map(found -> {
            long id = found.orElseThrow(() -> new AssessmentException(ErrorCode.ASSESSMENT_FAILED,
                    "No assessment in progress; send start_assessment first"));
            session.attemptId(id);
            return id;
        });
    }

    private Uni<Void> replyToFailure(Throwable failure, Replies replies) {
        if (replies.connection().isClosed()) {
            return Uni.createFrom().voidItem(); // the client left; its state is already committed
        }
        if (failure instanceof AssessmentException rule) {
            return replies.error(rule.code(), rule.getMessage());
        }
        if (failure instanceof QuestionUnavailableException) {
            return replies.error(ErrorCode.QUESTION_ERROR, "Failed to generate question. Please try again.");
        }
        Log.errorf(failure, "Unexpected failure while handling an assessment message");
        return replies.error(ErrorCode.ASSESSMENT_FAILED, "Assessment failed: an internal error occurred");
    }

    static ServerMessage.Progress progress(QuizViews.Progress progress) {
        return ServerMessage.Progress.of(progress.answered(), progress.total());
    }

    private static ServerMessage.ProgressUpdate progressUpdate(QuizSession session, QuizViews.Progress progress,
            Replies replies) {
        return ServerMessage.ProgressUpdate.of(progress(progress), session.threadId(), replies.now());
    }

    static ServerMessage.Question question(QuizViews.ShownQuestion question) {
        AnswerOption[] ids = AnswerOption.values();
        List<ServerMessage.Option> options = new ArrayList<>();
        for (int i = 0; i < question.options().size(); i++) {
            options.add(new ServerMessage.Option(ids[i].name(), question.options().get(i)));
        }
        return new ServerMessage.Question(question.questionId(), Long.toString(question.attemptId()),
                new ServerMessage.QuestionBody(question.text(), options, question.difficulty(), question.skill(),
                        question.timeLimitSeconds()));
    }

    static ServerMessage.AssessmentCompleted completed(QuizViews.Result result) {
        String threadId = Long.toString(result.attemptId());
        String message = "EXPIRED".equals(result.status()) ? "Assessment ended: the time limit has passed"
                : "Assessment completed successfully";
        return new ServerMessage.AssessmentCompleted(result.finalScore(), result.correctAnswers(),
                result.totalQuestions(), result.attemptId(), threadId, message,
                new ServerMessage.Results(result.finalScore(), result.correctAnswers(), result.totalQuestions(),
                        result.answeredQuestions(), result.attemptId(), threadId, result.status()),
                "Your results have been recorded. Review the questions you missed, then start a new attempt "
                        + "whenever you are ready.");
    }
}
