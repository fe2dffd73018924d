package io.realtime.chat.assistant.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;

/** The structured-output call after each answer: the visitor's details and next-question suggestions, as JSON. */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface DetailsExtractor {

    /** Marks the extraction prompt (tests route the fake model's answers by it). */
    String MARKER = "EXTRACT_VISITOR_DETAILS";

    @SystemMessage("""
            EXTRACT_VISITOR_DETAILS
            You read a chat between a website visitor and Alex, a novated-lease assistant. Reply with one JSON object
            and nothing else, with these keys:
            "name", "email", "phone", "postcode", "vehicle_interest", "salary_package", "employer": what the VISITOR
            wrote about themselves, exactly as written, or null when they did not say it. Never guess or invent a
            value; Alex's words are not the visitor's details.
            "suggestions": 2 or 3 short questions the visitor might ask next about novated leasing, each under 60
            characters.""")
    @UserMessage("{transcript}")
    String extract(String transcript);
}
