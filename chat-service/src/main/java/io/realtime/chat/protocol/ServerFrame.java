package io.realtime.chat.protocol;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server to client frames, in the guide's common schema: fields that are null (or empty lists) are omitted,
 * {@code done} and {@code complete} are in every frame. {@code conversation_data} is an object whenever a frame
 * carries it ({@code {}} when nothing is known yet), as the guide's examples show.
 */
public sealed interface ServerFrame {

    String CONNECTED = "connected";
    String CHUNK = "chunk";
    String COMPLETE = "complete";
    String IDLE_WARNING = "idle_warning";
    String SESSION_END = "session_end";
    String ERROR = "error";

    @JsonProperty("type")
    String type();

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "done", "complete", "conversation_data", "metadata" })
    record Connected(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("conversation_data") Map<String, String> conversationData,
            @JsonProperty("metadata") Metadata metadata) implements ServerFrame {

        public static Connected of(String sessionId, Map<String, String> conversationData) {
            return new Connected(sessionId, conversationData, Metadata.status("connected"));
        }

        @Override
        public String type() {
            return CONNECTED;
        }

        @JsonProperty("done")
        public boolean done() {
            return false;
        }

        @JsonProperty("complete")
        public boolean complete() {
            return false;
        }
    }

    /** One word of the answer, its trailing whitespace kept; {@code message_id} is the visitor's stored message. */
    @RegisterForReflection
    @JsonPropertyOrder({ "type", "chunk", "done", "complete", "message_id" })
    record Chunk(
            @JsonProperty("chunk") String chunk,
            @JsonProperty("message_id") String messageId) implements ServerFrame {

        @Override
        public String type() {
            return CHUNK;
        }

        @JsonProperty("done")
        public boolean done() {
            return false;
        }

        @JsonProperty("complete")
        public boolean complete() {
            return false;
        }
    }

    /**
     * The end of an answer: {@code response_id} is the stored answer, {@code complete} whether the session is
     * complete (the sales team has the visitor's contact details).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message_id", "response_id", "done", "complete", "conversation_data", "needs_info",
            "suggestions" })
    record Complete(
            @JsonProperty("message_id") String messageId,
            @JsonProperty("response_id") String responseId,
            @JsonProperty("complete") boolean complete,
            @JsonProperty("conversation_data") Map<String, String> conversationData,
            @JsonProperty("needs_info") Boolean needsInfo,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("suggestions") List<String> suggestions)
            implements ServerFrame {

        @Override
        public String type() {
            return COMPLETE;
        }

        @JsonProperty("done")
        public boolean done() {
            return true;
        }
    }

    @RegisterForReflection
    @JsonPropertyOrder({ "type", "session_id", "response_id", "message", "done", "complete", "metadata" })
    record IdleWarning(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("response_id") String responseId,
            @JsonProperty("message") String message,
            @JsonProperty("metadata") Metadata metadata) implements ServerFrame {

        @Override
        public String type() {
            return IDLE_WARNING;
        }

        @JsonProperty("done")
        public boolean done() {
            return false;
        }

        @JsonProperty("complete")
        public boolean complete() {
            return false;
        }
    }

    /** The session ended; {@code complete: true} as in the guide: the conversation is over. */
    @RegisterForReflection
    @JsonPropertyOrder({ "type", "session_id", "response_id", "message", "done", "complete", "conversation_data",
            "metadata" })
    record SessionEnd(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("response_id") String responseId,
            @JsonProperty("message") String message,
            @JsonProperty("conversation_data") Map<String, String> conversationData,
            @JsonProperty("metadata") Metadata metadata) implements ServerFrame {

        @Override
        public String type() {
            return SESSION_END;
        }

        @JsonProperty("done")
        public boolean done() {
            return false;
        }

        @JsonProperty("complete")
        public boolean complete() {
            return true;
        }
    }

    /** {@code error} is the text a client matches on; {@code metadata.error_type} says which kind. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "done", "complete", "error", "metadata" })
    record Error(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("error") String error,
            @JsonProperty("metadata") Metadata metadata) implements ServerFrame {

        public static Error of(String sessionId, String error, String errorType) {
            return new Error(sessionId, error, Metadata.errorType(errorType));
        }

        @Override
        public String type() {
            return ERROR;
        }

        @JsonProperty("done")
        public boolean done() {
            return false;
        }

        @JsonProperty("complete")
        public boolean complete() {
            return false;
        }
    }

    /** The guide's {@code metadata} object; only the fields a frame type uses are present. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "status", "type", "reason", "timeout_seconds", "error_type" })
    record Metadata(
            @JsonProperty("status") String status,
            @JsonProperty("type") String type,
            @JsonProperty("reason") String reason,
            @JsonProperty("timeout_seconds") Long timeoutSeconds,
            @JsonProperty("error_type") String errorType) {

        public static Metadata status(String status) {
            return new Metadata(status, null, null, null, null);
        }

        public static Metadata idleWarning(long timeoutSeconds) {
            return new Metadata(null, IDLE_WARNING, null, timeoutSeconds, null);
        }

        public static Metadata sessionEnd(String reason, long timeoutSeconds) {
            return new Metadata(null, SESSION_END, reason, timeoutSeconds, null);
        }

        public static Metadata errorType(String errorType) {
            return new Metadata(null, null, null, null, errorType);
        }
    }
}
