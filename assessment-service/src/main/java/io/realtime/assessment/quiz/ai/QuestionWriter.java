package io.realtime.assessment.quiz.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/** Writes one multiple-choice question as JSON; {@link GeneratedQuestionParser} validates what comes back. */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface QuestionWriter {

    @SystemMessage("""
            You write multiple-choice questions for a skills assessment.
            Answer with one JSON object and nothing else, in exactly this shape:
            {"text": "<question>", "options": {"A": "<text>", "B": "<text>", "C": "<text>", "D": "<text>"},
             "correct_option": "A|B|C|D", "difficulty": "easy|medium|hard", "skill": "<skill>",
             "explanation": "<one sentence on why the correct option is right>"}
            Exactly one option is correct. The four options are different from each other.""")
    @UserMessage("""
            Test: {testName}
            Skill: {skill}
            Difficulty: {difficulty}
            Questions already asked in this attempt (do not repeat them):
            {previous}""")
    String write(String testName, String skill, String difficulty, String previous);
}
