package io.realtime.messaging.chat.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.realtime.kit.time.Timers;
import io.realtime.kit.vertx.CallerContext;
import io.realtime.messaging.chat.ai.ModelCalls;
import io.realtime.messaging.chat.messaging.ConversationEvents;
import io.realtime.messaging.config.MessagingConfig;
import io.realtime.messaging.conversation.domain.Message;
import io.realtime.messaging.conversation.repository.ConversationRepository;
import io.realtime.messaging.conversation.repository.MessageRepository;
import io.realtime.protocol.ai.ModelKey;
import io.realtime.protocol.event.ConversationEvent;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * Streams the assistant's reply to every participant as {@code message:stream} (one messageId, cumulative content),
 * then stores the final text as the assistant's message. A failure (the model failing, too slow, or refused by
 * {@link ModelCalls}' bulkhead or open circuit) ends the stream with {@code isComplete: true}.
 * The reply reaches Kafka as at most one update per {@code messaging.assistant.stream-interval} ({@link
 * ReplyUpdates}), not as one record per token carrying the whole text so far.
 */
@ApplicationScoped
public class AssistantService {

    public static final String UNAVAILABLE = "The AI assistant is unavailable: no model is configured";
    public static final String FAILED = "The AI assistant could not finish its reply";

    private final ModelCalls calls;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationEvents events;
    private final MessagingConfig config;
    private final Clock clock;
    private final Timers timers;
    private final boolean modelConfigured;

    public AssistantService(ModelCalls calls, ConversationRepository conversations,
            MessageRepository messages, ConversationEvents events, MessagingConfig config, Clock clock, Timers timers,
            @ConfigProperty(name = "quarkus.langchain4j.openai.api-key", defaultValue = "none") String apiKey) {
        this.calls = calls;
        this.conversations = conversations;
        this.messages = messages;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.timers = timers;
        this.modelConfigured = ModelKey.isConfigured(apiKey);
    }

    public boolean available() {
        return modelConfigured;
    }

    /**
     * Streams a reply to the conversation; completes when the stream has ended (stored or failed). Never fails:
     * {@code onFailure} is told instead, so the sender can get an error event.
     */
    public Uni<Void> reply(UUID conversationId, Runnable onFailure) {
        String replyId = "ai-" + UUID.randomUUID();
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return Panache.withSession(() -> messages.recent(conversationId, config.assistant().contextMessages())
                .chain(recent -> conversations.participantIds(conversationId).map(ids -> new Context(recent, ids))))
                .chain(conversation -> {
                    ReplyUpdates updates = new ReplyUpdates(context, timers, clock,
                            config.assistant().streamInterval(), sofar -> publishChunk(conversationId,
                                    conversation.recipients(), replyId, sofar, false, null));
                    return calls.streamReply(transcript(conversation.recent()), tokens -> tokens
                            // the model client emits on its own threads; the database needs this stream's context
                            .emitOn(CallerContext.on(context))
                            .onItem().invoke(updates::append)
                            .collect().last()
                            .ifNoItem().after(config.assistant().streamTimeout()).fail())
                            .emitOn(CallerContext.on(context))
                            .chain(updates::finish)
                            .chain(text -> store(conversationId, replyId, text))
                            .onFailure().recoverWithUni(failure -> {
                                Log.warnf("Assistant reply %s failed: %s", replyId, failure.getMessage());
                                onFailure.run();
                                return updates.finish().chain(text -> publishChunk(conversationId,
                                        conversation.recipients(), replyId, text, true, null));
                            });
                });
    }

    private record Context(List<Message> recent, List<String> recipients) {
    }

    /** Stores the final text in the conversation's order, then publishes the completing event with its seq. */
    private Uni<Void> store(UUID conversationId, String replyId, String text) {
        return Panache.withTransaction(() -> conversations.nextSeq(conversationId).chain(seq -> {
            Message message = new Message();
            message.messageId = replyId;
            message.conversationId = conversationId;
            message.seq = seq;
            message.senderId = config.assistant().userId();
            message.role = Message.ROLE_ASSISTANT;
            message.content = text;
            message.createdAt = clock.instant();
            return messages.persist(message).chain(saved -> conversations.participantIds(conversationId))
                    .map(recipients -> new Stored(recipients, seq));
        })).chain(stored -> publishChunk(conversationId, stored.recipients(), replyId, text, true, stored.seq()));
    }

    private record Stored(List<String> recipients, long seq) {
    }

    private Uni<Void> publishChunk(UUID conversationId, List<String> recipients, String replyId, String content,
            boolean complete, Long seq) {
        return events.publish(new ConversationEvent(ConversationEvent.CURRENT_VERSION, ConversationEvent.STREAM,
                conversationId.toString(), recipients, config.assistant().userId(), null, replyId, content, seq,
                complete, WireTime.now(clock)));
    }

    private static String transcript(List<Message> newestFirst) {
        List<Message> ordered = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(ordered);
        return ordered.stream().map(m -> (Message.ROLE_ASSISTANT.equals(m.role) ? "assistant" : m.senderId) + ": "
                + m.content).collect(Collectors.joining("\n"));
    }
}
