package io.realtime.docs.chat.service;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.realtime.docs.chat.ai.AnswerPrompt;
import io.realtime.docs.chat.ai.ModelCalls;
import io.realtime.docs.chat.domain.AnswerEvent;
import io.realtime.docs.chat.domain.Chat;
import io.realtime.docs.chat.domain.ChatMessage;
import io.realtime.docs.chat.domain.Question;
import io.realtime.docs.chat.domain.Source;
import io.realtime.docs.chat.repository.ChatMessageRepository;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.document.domain.RetrievedChunk;
import io.realtime.docs.document.service.Retrieval;
import io.realtime.docs.project.service.ProjectException;
import io.realtime.protocol.ai.ModelKey;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * The guide's "event flow: sending a chat message": the user's message is stored, then {@code message_received};
 * the project's documents are searched, {@code message_sources}; the answer streams as {@code message_token}s (from
 * the model, or extractive without one); the answer is stored with its sources, then {@code message_complete} (stored
 * before it is announced, so a client that reads the history on completion finds it). A failure at any step is one
 * {@code error} event with the chat's id, and the flow ends there.
 */
@ApplicationScoped
public class AnswerService {

    /** {@code metadata.model} of an answer assembled from the sources without a model. */
    public static final String EXTRACTIVE = "extractive";

    private final ChatService chats;
    private final ChatMessageRepository messages;
    private final Retrieval retrieval;
    private final ModelCalls model;
    private final DocsConfig config;
    private final boolean modelConfigured;

    public AnswerService(ChatService chats, ChatMessageRepository messages, Retrieval retrieval, ModelCalls model,
            DocsConfig config,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key", defaultValue = "none") String apiKey) {
        this.chats = chats;
        this.messages = messages;
        this.retrieval = retrieval;
        this.model = model;
        this.config = config;
        this.modelConfigured = ModelKey.isConfigured(apiKey);
    }

    /** Runs the flow for {@code userId} (null: anonymous), handing each event to {@code emit}; never fails. */
    public Uni<Void> answer(String userId, Question question, Consumer<AnswerEvent> emit) {
        long chatId = question.chatId();
        return chats.usableChat(chatId, userId)
                .chain(chat -> messages.addUserMessage(chatId, userId, question.message())
                        .invoke(stored -> emit.accept(new AnswerEvent.Received(chatId, stored.id(),
                                WireTime.format(stored.createdAt()))))
                        .chain(stored -> answer(chat, stored, question, emit)))
                .onFailure().recoverWithItem(failure -> {
                    emit.accept(new AnswerEvent.Failed(describe(failure), chatId));
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> answer(Chat chat, ChatMessage asked, Question question, Consumer<AnswerEvent> emit) {
        long chatId = chat.id();
        return retrieval.search(chat.projectId(), question.message(), config.chat().topK())
                .onFailure().transform(failure -> new Step("Could not search the project's documents", failure))
                .chain(found -> {
                    List<Source> sources = found.stream().map(AnswerService::source).toList();
                    emit.accept(new AnswerEvent.Sources(chatId, sources));
                    Uni<String> text = modelConfigured ? modelAnswer(chatId, asked, question, found, emit)
                            : Uni.createFrom().item(() -> extractiveAnswer(chatId, question, found, emit));
                    String answeredBy = modelConfigured ? question.model() : EXTRACTIVE;
                    return text.chain(answer -> messages.addAnswer(chatId, answer, sources, answeredBy))
                            .invoke(stored -> emit.accept(new AnswerEvent.Complete(chatId, stored.id(),
                                    new AnswerEvent.Complete.Metadata(answeredBy, sources.size()))));
                })
                .replaceWithVoid();
    }

    private Uni<String> modelAnswer(long chatId, ChatMessage asked, Question question, List<RetrievedChunk> found,
            Consumer<AnswerEvent> emit) {
        Uni<List<AnswerPrompt.Turn>> history = question.includeHistory()
                ? messages.before(chatId, asked.id(), config.chat().historyMessages())
                        .map(earlier -> earlier.stream()
                                .map(m -> new AnswerPrompt.Turn("user".equals(m.role()), m.content())).toList())
                : Uni.createFrom().item(List.of());
        return history.chain(turns -> model.stream(
                AnswerPrompt.request(question.message(), found, turns, question.model(), question.temperature()),
                token -> emit.accept(new AnswerEvent.Token(chatId, token))))
                .onFailure().transform(failure -> new Step("The assistant is unavailable", failure));
    }

    private static String extractiveAnswer(long chatId, Question question, List<RetrievedChunk> found,
            Consumer<AnswerEvent> emit) {
        String answer = ExtractiveAnswer.compose(question.message(), found);
        ExtractiveAnswer.tokens(answer).forEach(token -> emit.accept(new AnswerEvent.Token(chatId, token)));
        return answer;
    }

    /** The guide's source entry; a document without pages (Markdown, text) is one page, so {@code page} is 1. */
    private static Source source(RetrievedChunk chunk) {
        return new Source("chunk_" + chunk.chunkId(), chunk.content(), new Source.Metadata(chunk.documentId(),
                chunk.page() == null ? 1 : chunk.page(), chunk.filename()), round(chunk.score()));
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ProjectException refused) {
            return refused.getMessage();
        }
        if (failure instanceof Step step) {
            Log.warnf("send_message: %s: %s", step.getMessage(), step.getCause().toString());
            return step.getMessage() + ": try again later";
        }
        Log.errorf(failure, "send_message failed");
        return "Could not answer the message: service unavailable, try again later";
    }

    /** A failed step of the flow, with what the client is told. */
    private static final class Step extends RuntimeException {
        Step(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
