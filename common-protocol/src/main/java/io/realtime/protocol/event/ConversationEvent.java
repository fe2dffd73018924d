package io.realtime.protocol.event;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What happened in a conversation, on topic {@code messaging.conversation-events} keyed by conversation id (so one
 * conversation's events keep their order). Every instance delivers it to its own connections of {@code recipients}.
 *
 * @param kind {@code MESSAGE}, {@code STREAM}, {@code TYPING_START} or {@code TYPING_STOP}
 * @param originConnectionId the connection that sent it (it already has its own copy), if any
 * @param seq the message's place in the conversation (MESSAGE and the final STREAM event)
 * @param previousTimestamp when the message before it ({@code seq - 1}) was stored (MESSAGE events): an
 *        instance that has not seen the conversation yet knows from it whether that one may still be on its way
 */
@RegisterForReflection
public record ConversationEvent(
        int schemaVersion,
        String kind,
        String conversationId,
        List<String> recipients,
        String originUserId,
        String originConnectionId,
        String messageId,
        String content,
        Long seq,
        Boolean isComplete,
        String timestamp,
        String previousTimestamp) implements VersionedEvent {

    public static final int CURRENT_VERSION = 1;

    public static final String MESSAGE = "MESSAGE";
    public static final String STREAM = "STREAM";
    public static final String TYPING_START = "TYPING_START";
    public static final String TYPING_STOP = "TYPING_STOP";

    /** An event that says nothing of the message before it. */
    public ConversationEvent(int schemaVersion, String kind, String conversationId, List<String> recipients,
            String originUserId, String originConnectionId, String messageId, String content, Long seq,
            Boolean isComplete, String timestamp) {
        this(schemaVersion, kind, conversationId, recipients, originUserId, originConnectionId, messageId, content, seq,
                isComplete, timestamp, null);
    }
}
