package io.realtime.messaging.conversation.service;

import io.realtime.protocol.error.ErrorCode;

/** A rule was broken: the endpoint answers with an error ack (WebSocket) or a 4xx (REST). */
public class ConversationException extends RuntimeException {

    private final ErrorCode code;

    public ConversationException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
