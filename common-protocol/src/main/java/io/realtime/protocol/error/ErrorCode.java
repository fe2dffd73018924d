package io.realtime.protocol.error;

/**
 * Every error code that any of the guides names, with the human text a client may match on.
 * The text is the guide's own where the guide gives one.
 */
public enum ErrorCode {
    AUTH_REQUIRED("Authentication required"),
    AUTH_FAILED("Authentication failed"),
    ACCESS_DENIED("Access denied"),
    TEST_NOT_FOUND("Test not found"),
    ASSESSMENT_FAILED("Assessment failed"),
    QUESTION_ERROR("Failed to generate question"),
    INVALID_ANSWER("Invalid answer"),
    SESSION_EXPIRED("Session expired"),
    VALIDATION_ERROR("Validation error"),
    RATE_LIMIT("Rate limit exceeded"),
    TOO_MANY_CONNECTIONS("Too many connections"),
    NOT_PARTICIPANT("Not a participant of this conversation"),
    CONVERSATION_NOT_FOUND("Conversation not found"),
    INVALID_JSON("Invalid JSON"),
    UNKNOWN_MESSAGE_TYPE("Unknown message type"),
    MESSAGE_TOO_LARGE("Message too large"),
    AI_UNAVAILABLE("AI assistant unavailable"),
    INTERNAL_ERROR("Internal server error");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
