package io.realtime.assessment.quiz.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * Answers the candidate's chat during a test. It is shown the question on screen but never its answer key, so it
 * cannot give the answer away even when asked to.
 */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface AssessmentTutor {

    @SystemMessage("""
            You are the assistant inside an online assessment called "{testName}".
            Help the candidate understand what a question asks, clarify terms and the format of the test.
            Never say or hint which option is correct, and never solve the question for them.
            Keep answers short and friendly.""")
    @UserMessage("""
            Question on screen: {question}
            Candidate: {message}""")
    String reply(String testName, String question, String message);
}
