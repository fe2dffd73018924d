package io.realtime.docs.chat.ai;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.realtime.docs.document.domain.RetrievedChunk;

/**
 * What the model is asked: a system message with the numbered sources and the rule to answer from them only and cite
 * them as [n]; the chat's earlier messages when asked for; the question.
 */
public final class AnswerPrompt {

    /** An earlier message of the chat: {@code fromUser} false for the assistant's. */
    public record Turn(boolean fromUser, String text) {
    }

    static final String RULES = """
            You answer questions about a project's documents. Answer only from the numbered sources below and cite \
            the sources you use as [1], [2], ... right after the statement they support. If the sources do not \
            contain the answer, say that the documents do not cover it. Answer in the language of the question.""";

    private AnswerPrompt() {
    }

    public static ChatRequest request(String question, List<RetrievedChunk> sources, List<Turn> history,
            String model, double temperature) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(RULES + "\n\n" + sourceList(sources)));
        for (Turn turn : history) {
            messages.add(turn.fromUser() ? UserMessage.from(turn.text()) : AiMessage.from(turn.text()));
        }
        messages.add(UserMessage.from(question));
        return ChatRequest.builder().messages(messages).modelName(model).temperature(temperature).build();
    }

    static String sourceList(List<RetrievedChunk> sources) {
        if (sources.isEmpty()) {
            return "Sources: none were found for this question.";
        }
        StringBuilder list = new StringBuilder("Sources:");
        for (int i = 0; i < sources.size(); i++) {
            RetrievedChunk source = sources.get(i);
            list.append("\n\n[").append(i + 1).append("] ").append(source.filename());
            if (source.page() != null) {
                list.append(", page ").append(source.page());
            }
            list.append(":\n").append(source.content());
        }
        return list.toString();
    }
}
