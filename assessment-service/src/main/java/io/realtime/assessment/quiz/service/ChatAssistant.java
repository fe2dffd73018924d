package io.realtime.assessment.quiz.service;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.assessment.quiz.ai.ModelAvailability;
import io.realtime.assessment.quiz.ai.ModelCalls;
import io.realtime.assessment.quiz.domain.AnswerOption;
import io.realtime.assessment.quiz.domain.TestDefinition;
import io.realtime.assessment.quiz.service.QuizViews.ShownQuestion;
import io.realtime.kit.vertx.CallerContext;
import io.smallrye.mutiny.Uni;

/** {@code chat_message} -> the model's reply, aware of the test and the question on screen, never of its answer. */
@ApplicationScoped
public class ChatAssistant {

    static final String NO_MODEL = "The AI assistant is not available right now. You can keep answering: "
            + "choose an option and submit it, or ask for the next question.";

    private final ModelAvailability model;
    private final ModelCalls calls;
    private final AssessmentConfig config;

    public ChatAssistant(ModelAvailability model, ModelCalls calls, AssessmentConfig config) {
        this.model = model;
        this.calls = calls;
        this.config = config;
    }

    public Uni<String> reply(TestDefinition test, ShownQuestion onScreen, String message) {
        if (!model.available()) {
            return Uni.createFrom().item(NO_MODEL);
        }
        String text = message.length() > config.maxChatChars() ? message.substring(0, config.maxChatChars()) : message;
        String question = onScreen == null ? "(no question is on screen)" : describe(onScreen);
        // failures, timeouts and a busy or broken model answer with ModelCalls' fallback
        return CallerContext.resume(() -> calls.tutorReply(test.name(), question, text));
    }

    /** The question and its options only: the correct option is not part of {@link ShownQuestion}. */
    static String describe(ShownQuestion question) {
        AnswerOption[] ids = AnswerOption.values();
        return question.text() + "\n" + IntStream.range(0, question.options().size())
                .mapToObj(i -> ids[i].name() + ") " + question.options().get(i))
                .collect(Collectors.joining("\n"));
    }
}
