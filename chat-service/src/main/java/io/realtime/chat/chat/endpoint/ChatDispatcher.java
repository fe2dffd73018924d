package io.realtime.chat.chat.endpoint;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.realtime.chat.assistant.service.Assistant;
import io.realtime.chat.chat.service.ChatService;
import io.realtime.chat.config.ChatConfig;
import io.realtime.chat.connection.ChatConnection;
import io.realtime.chat.protocol.ClientFrame;
import io.realtime.chat.protocol.ErrorTypes;
import io.realtime.chat.protocol.ServerFrame;
import io.realtime.chat.session.service.Ids;
import io.realtime.chat.session.service.SessionException;
import io.realtime.kit.time.Timers;
import io.realtime.protocol.codec.DecodeResult;
import io.smallrye.mutiny.Uni;

/**
 * Answers each client frame with the guide's frames, one method per frame type ({@link ClientFrame.Handler}), and
 * runs the connection's idle timers: {@code idle_warning} after {@code chat.idle.warning-after} without a visitor
 * message, {@code session_end} {@code chat.idle.end-after-warning} later.
 */
@ApplicationScoped
public class ChatDispatcher implements ClientFrame.Handler<ChatConnection, Uni<Void>> {

    private final ChatService chat;
    private final Timers timers;
    private final ChatConfig config;

    public ChatDispatcher(ChatService chat, Timers timers, ChatConfig config) {
        this.chat = chat;
        this.timers = timers;
        this.config = config;
    }

    static final String TOO_MANY_WAITING = "Too many messages waiting: wait for the answers before sending more";

    /** Queued behind any answer still streaming on this connection: one answer at a time, never interleaved. */
    @Override
    public Uni<Void> chatMessage(ClientFrame.ChatMessage frame, ChatConnection live) {
        return inTurn(live, () -> answer(frame, live));
    }

    /**
     * Every reply to a frame takes its turn behind the frames before it, so replies come in the order of the frames;
     * a connection with {@link ChatConnection#MAX_WAITING_JOBS} frames waiting gets a {@code rate_limited} error at
     * once instead.
     */
    private Uni<Void> inTurn(ChatConnection live, Supplier<Uni<Void>> reply) {
        return live.serially(reply) ? Uni.createFrom().voidItem()
                : live.send(ServerFrame.Error.of(null, TOO_MANY_WAITING, ErrorTypes.RATE_LIMITED));
    }

    private Uni<Void> answer(ClientFrame.ChatMessage frame, ChatConnection live) {
        return chat.accept(frame.message(), frame.sessionId(), frame.visitorId())
                .chain(accepted -> {
                    live.bind(accepted.sessionId(), accepted.visitorId());
                    watchIdle(live);
                    String messageId = accepted.messageId().toString();
                    return chat.answer(accepted, word -> live.push(new ServerFrame.Chunk(word, messageId)));
                })
                .chain(answered -> {
                    if (answered.complete()) {
                        live.restartIdle(null); // the conversation has what it needs; nothing to time out
                    } else {
                        watchIdle(live);
                    }
                    return live.send(new ServerFrame.Complete(answered.messageId().toString(),
                            answered.responseId().toString(), answered.complete(), answered.conversationData(),
                            answered.needsInfo(), answered.suggestions()));
                })
                .onFailure().recoverWithUni(failure -> live.send(error(frame.sessionId(), failure)));
    }

    /** Starts (or restarts) this connection's idle period. */
    public void watchIdle(ChatConnection live) {
        UUID sessionId = live.sessionId();
        if (sessionId == null) {
            return;
        }
        live.restartIdle(mark -> timers.schedule(config.idle().warningAfter(),
                () -> live.serially(() -> warn(live, sessionId, mark))));
    }

    private Uni<Void> warn(ChatConnection live, UUID sessionId, long mark) {
        if (!live.stillIdleSince(mark) || !live.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return chat.idleWarning(sessionId).chain(notice -> {
            if (notice == null || !live.stillIdleSince(mark)) {
                return Uni.createFrom().voidItem();
            }
            live.continueIdle(mark, same -> timers.schedule(config.idle().endAfterWarning(),
                    () -> live.serially(() -> end(live, sessionId, mark))));
            return live.send(new ServerFrame.IdleWarning(sessionId.toString(), notice.responseId().toString(),
                    notice.text(), ServerFrame.Metadata.idleWarning(config.idle().warningAfter().toSeconds())));
        });
    }

    private Uni<Void> end(ChatConnection live, UUID sessionId, long mark) {
        if (!live.stillIdleSince(mark)) {
            return Uni.createFrom().voidItem();
        }
        return chat.endIdle(sessionId).chain(notice -> notice == null ? Uni.createFrom().voidItem()
                : live.send(new ServerFrame.SessionEnd(sessionId.toString(), notice.responseId().toString(),
                        notice.text(), notice.conversationData(), ServerFrame.Metadata.sessionEnd(
                                "idle_timeout", config.idle().warningAfter().plus(config.idle().endAfterWarning())
                                        .toSeconds()))));
    }

    /** A frame that could not be decoded: an error frame, and the connection goes on. */
    public Uni<Void> rejectFrame(ChatConnection live, DecodeResult.Failure<ClientFrame> failure) {
        return rejectFrame(live, failure.error().message());
    }

    /** A frame refused before decoding (binary): the same, in its turn. */
    public Uni<Void> rejectFrame(ChatConnection live, String problem) {
        return inTurn(live, () -> live.send(ServerFrame.Error.of(null, problem, ErrorTypes.VALIDATION)));
    }

    /** The error frame for a failed message: the guide's text and kind; unexpected failures are logged, not shown. */
    private ServerFrame.Error error(String sessionId, Throwable failure) {
        String session = Ids.parse(sessionId) == null ? null : sessionId;
        if (failure instanceof SessionException refused) {
            String type = switch (refused.kind()) {
                case INVALID -> ErrorTypes.VALIDATION;
                case SESSION -> ErrorTypes.PROCESSING;
                case RATE_LIMITED -> ErrorTypes.RATE_LIMITED;
            };
            return ServerFrame.Error.of(session, refused.getMessage(), type);
        }
        if (failure instanceof Assistant.UnavailableException unavailable) {
            Log.warnf("Answer for session %s failed: %s", session, String.valueOf(unavailable.getCause()));
            return ServerFrame.Error.of(session, unavailable.getMessage(), ErrorTypes.AI);
        }
        Log.errorf(failure, "Answer for session %s failed", session);
        return ServerFrame.Error.of(session, "Internal server error", ErrorTypes.INTERNAL);
    }
}
