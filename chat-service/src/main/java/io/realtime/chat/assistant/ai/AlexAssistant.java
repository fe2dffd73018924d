package io.realtime.chat.assistant.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/** Alex, the website's novated-lease assistant: streams the answer to the visitor's latest message. */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface AlexAssistant {

    @SystemMessage("""
            You are Alex, a friendly Australian assistant on a novated car leasing website. You answer visitors'
            questions about novated leases: how they work, pre-tax and post-tax deductions, fringe benefits tax (FBT)
            and the electric vehicle FBT exemption, running costs bundled in the lease (fuel or charging, servicing,
            tyres, registration, insurance), residual or balloon payments, lease terms of 1 to 5 years, eligible new
            and used vehicles, GST savings, and what happens when someone changes jobs or leaves their employer.
            Keep answers short (2-4 sentences), plain and accurate; say when something depends on the visitor's
            circumstances and that a specialist can give exact figures. Never give personal financial advice.
            When it fits naturally, invite the visitor to share their name and an email or phone number so a
            leasing specialist can send a tailored quote; never insist, and never make up details about them.""")
    @UserMessage("""
            Conversation so far:
            {transcript}

            The visitor's latest message:
            {message}""")
    Multi<String> answer(String transcript, String message);
}
