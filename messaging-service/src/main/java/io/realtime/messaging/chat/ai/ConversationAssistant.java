package io.realtime.messaging.chat.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/** The assistant taking part in a conversation; it reads the recent transcript and streams its reply. */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface ConversationAssistant {

    @SystemMessage("""
            You are a helpful assistant taking part in a conversation between people.
            Reply to the last message, briefly and in the language it is written in.""")
    @UserMessage("{transcript}")
    Multi<String> reply(String transcript);
}
