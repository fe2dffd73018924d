package io.realtime.messaging.chat.endpoint;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.realtime.kit.tracing.FrameSpans;
import io.realtime.messaging.chat.messaging.ConversationEvents;
import io.realtime.messaging.chat.service.AssistantService;
import io.realtime.messaging.chat.service.MessageService;
import io.realtime.messaging.chat.service.TypingService;
import io.realtime.messaging.connection.LiveConnection;
import io.realtime.messaging.connection.Outbound;
import io.realtime.messaging.conversation.service.ConversationException;
import io.realtime.messaging.protocol.ClientEvent;
import io.realtime.messaging.protocol.ServerEvent;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.text.SafeText;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

/**
 * Answers each client event of a live connection with the guide's frames, one method per event type
 * ({@link ClientEvent.Handler}): acks for messages, errors the user can read.
 */
@ApplicationScoped
public class MessagingDispatcher implements ClientEvent.Handler<LiveConnection, Uni<Void>> {

    private final MessageService messages;
    private final TypingService typing;
    private final AssistantService assistant;
    private final ConversationEvents events;
    private final ObjectMapper mapper;
    private final FrameSpans spans;
    private final Clock clock;

    public MessagingDispatcher(MessageService messages, TypingService typing, AssistantService assistant,
            ConversationEvents events, ObjectMapper mapper, FrameSpans spans, Clock clock) {
        this.messages = messages;
        this.typing = typing;
        this.assistant = assistant;
        this.events = events;
        this.mapper = mapper;
        this.spans = spans;
        this.clock = clock;
    }

    @Override
    public Uni<Void> typingStart(ClientEvent.TypingStart start, LiveConnection live) {
        return typing.start(live.userId(), start.conversationId())
                .onFailure().recoverWithUni(failure -> error(live, failure));
    }

    @Override
    public Uni<Void> typingStop(ClientEvent.TypingStop stop, LiveConnection live) {
        return typing.stop(live.userId(), stop.conversationId())
                .onFailure().recoverWithUni(failure -> error(live, failure));
    }

    /**
     * received (committed) -> publish; the sender's connection then gets its message:receive and the delivered ack
     * through the fan-out, in the conversation's order like every other participant. A retry gets both acks again.
     */
    @Override
    public Uni<Void> messageSend(ClientEvent.MessageSend send, LiveConnection live) {
        return messages.send(live.userId(), live.id(), new MessageService.SendCommand(send.messageId(),
                send.conversationId(), send.content(), send.timestamp()))
                .chain(sent -> {
                    Uni<Void> frames = live.reply(ServerEvent.MessageAck.received(send.messageId(),
                            WireTime.now(clock)));
                    if (sent.duplicate()) {
                        return frames.chain(() -> live.reply(ServerEvent.MessageAck.delivered(send.messageId(),
                                WireTime.now(clock))));
                    }
                    frames = frames.chain(() -> events.publish(sent.event())
                            .onFailure().recoverWithUni(failure -> {
                                Log.errorf("message %s stored but not published: %s",
                                        SafeText.forLog(send.messageId()),
                                        failure.getMessage());
                                return live.reply(ServerEvent.MessageAck.error(send.messageId(),
                                        "Message saved but not delivered yet; it will appear after reconnecting",
                                        ErrorCode.INTERNAL_ERROR.name(), WireTime.now(clock)));
                            }));
                    if (sent.assistantReplies()) {
                        frames = frames.chain(() -> startAssistant(live, sent));
                    }
                    return frames;
                })
                .onFailure().recoverWithUni(failure -> {
                    ErrorCode code = failure instanceof ConversationException rule ? rule.code()
                            : ErrorCode.INTERNAL_ERROR;
                    String text = failure instanceof ConversationException ? failure.getMessage()
                            : "Internal server error";
                    if (!(failure instanceof ConversationException)) {
                        Log.errorf(failure, "message:send %s failed", SafeText.forLog(send.messageId()));
                    }
                    return live.reply(ServerEvent.MessageAck.error(send.messageId(), text, code.name(),
                            WireTime.now(clock)));
                });
    }

    /** The reply streams on its own context, so it stalls neither this connection nor any other conversation. */
    private Uni<Void> startAssistant(LiveConnection live, MessageService.Sent sent) {
        if (!assistant.available()) {
            return live.reply(new ServerEvent.ConnectionError(AssistantService.UNAVAILABLE,
                    ErrorCode.AI_UNAVAILABLE.name(), WireTime.now(clock)));
        }
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext();
        VertxContextSafetyToggle.setContextSafe(context, true); // its own database sessions
        context.runOnContext(ignored -> spans.continued(trace, Outbound.ENDPOINT, "assistant reply",
                () -> assistant.reply(sent.conversationId(), () -> live.push(new ServerEvent.ConnectionError(
                        AssistantService.FAILED, ErrorCode.AI_UNAVAILABLE.name(), WireTime.now(clock)))))
                .subscribe().with(done -> {
                }, failure -> Log.warnf("Assistant stream failed: %s", failure.getMessage())));
        return Uni.createFrom().voidItem();
    }

    /** A frame that could not be decoded: an error ack if it was a message:send with an id, else connection:error. */
    public Uni<Void> rejectFrame(LiveConnection live, String text, DecodeResult.Failure<ClientEvent> failure) {
        String messageId = "message:send".equals(failure.type()) ? messageIdOf(text) : null;
        String now = WireTime.now(clock);
        String code = failure.error().code() == ErrorCode.RATE_LIMIT ? ErrorCode.RATE_LIMIT.name()
                : ErrorCode.VALIDATION_ERROR.name();
        if (messageId != null) {
            return live.reply(ServerEvent.MessageAck.error(messageId, failure.error().message(), code, now));
        }
        return live.reply(new ServerEvent.ConnectionError(failure.error().message(), code, now));
    }

    /** The frame's messageId, if it is one that can be sent back (an unsafe one gets connection:error instead). */
    private String messageIdOf(String text) {
        try {
            JsonNode id = mapper.readTree(text).get("messageId");
            return id != null && id.isTextual() && SafeText.isSafe(id.asText()) ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private Uni<Void> error(LiveConnection live, Throwable failure) {
        ErrorCode code = failure instanceof ConversationException rule ? rule.code() : ErrorCode.INTERNAL_ERROR;
        String text = failure instanceof ConversationException ? failure.getMessage() : "Internal server error";
        return live.reply(new ServerEvent.ConnectionError(text, code.name(), WireTime.now(clock)));
    }
}
