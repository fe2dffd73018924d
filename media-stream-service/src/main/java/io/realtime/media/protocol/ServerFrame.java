package io.realtime.media.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Server to client frames: the guide's payloads ({@code session_id} and an ISO-8601 UTC {@code timestamp} in every
 * one), plus the fields this service adds (client ids, byte counts); null fields are omitted.
 */
public sealed interface ServerFrame {

    String AUDIO_RECEIVED = "audio_received";
    String VIDEO_RECEIVED = "video_received";
    String TRANSCRIPTION_RESULT = "transcription_result";
    String ERROR = "error";

    @JsonProperty("type")
    String type();

    /** @param clientId this connection's id in the session (the {@code from} of what it relays) */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message", "session_id", "client_id", "user_id", "clients", "timestamp" })
    record ConnectionEstablished(
            @JsonProperty("message") String message,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("clients") int clients,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return "connection_established";
        }
    }

    /** @param clientTimestamp the ping's own {@code timestamp}, as sent, for the client's round-trip time */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "timestamp", "client_timestamp" })
    record Pong(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("timestamp") String timestamp,
            @JsonProperty("client_timestamp") JsonNode clientTimestamp) implements ServerFrame {
        @Override
        public String type() {
            return "pong";
        }
    }

    /** @param from the sending client's id; {@code user_id} when it connected with a token */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message", "session_id", "from", "user_id", "timestamp" })
    record ChatMessage(
            @JsonProperty("message") String message,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("from") String from,
            @JsonProperty("user_id") String userId,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return "chat_message";
        }
    }

    /**
     * {@code audio_received} or {@code video_received}: {@code bytes} of this chunk (decoded), {@code total_bytes} and
     * {@code chunks} on this connection so far (a slow client may miss acknowledgements; the totals stay right), and
     * for audio the {@code duration_seconds} counted against the session's limit.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "bytes", "total_bytes", "chunks", "duration_seconds", "timestamp" })
    record MediaReceived(
            @JsonProperty("type") String type,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("bytes") long bytes,
            @JsonProperty("total_bytes") long totalBytes,
            @JsonProperty("chunks") long chunks,
            @JsonProperty("duration_seconds") Double durationSeconds,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
    }

    /**
     * @param partial live captions only: true while the speaker talks (the text may still change), false at a pause;
     *        absent on the answer to a {@code transcription_request}
     * @param engine {@code vosk} or {@code api}
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "transcript", "session_id", "partial", "engine", "timestamp" })
    record TranscriptionResult(
            @JsonProperty("transcript") String transcript,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("partial") Boolean partial,
            @JsonProperty("engine") String engine,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return TRANSCRIPTION_RESULT;
        }
    }

    @RegisterForReflection
    @JsonPropertyOrder({ "type", "error", "session_id", "timestamp" })
    record TranscriptionError(
            @JsonProperty("error") String error,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return "transcription_error";
        }
    }

    /** The answer to {@code test}: its {@code data} back, and when the server received it. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message", "data", "session_id", "client_timestamp", "timestamp" })
    record TestResponse(
            @JsonProperty("message") String message,
            @JsonProperty("data") JsonNode data,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("client_timestamp") JsonNode clientTimestamp,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return "test_response";
        }
    }

    /**
     * A relayed {@code webrtc_offer}, {@code webrtc_answer} or {@code webrtc_ice_candidate}: the sender's fields as
     * sent, {@code from} its client id, {@code target} whom it was meant for (absent: every other client).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "from", "target", "sdp", "candidate", "timestamp" })
    record Signal(
            @JsonProperty("type") String type,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("from") String from,
            @JsonProperty("target") String target,
            @JsonProperty("sdp") JsonNode sdp,
            @JsonProperty("candidate") JsonNode candidate,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
    }

    /**
     * {@code webrtc_connected} (a call started: an answer was relayed) or {@code webrtc_disconnected} (it ended: a
     * hang-up or a peer's socket closed), to every client of the session; {@code peers} are the two client ids.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "session_id", "peers", "reason", "timestamp" })
    record Call(
            @JsonProperty("type") String type,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("peers") List<String> peers,
            @JsonProperty("reason") String reason,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
    }

    /** @param code machine-readable ({@code INVALID_JSON}, {@code UNKNOWN_MESSAGE_TYPE}, ...), also in metrics */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "type", "message", "code", "session_id", "timestamp" })
    record Error(
            @JsonProperty("message") String message,
            @JsonProperty("code") String code,
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("timestamp") String timestamp) implements ServerFrame {
        @Override
        public String type() {
            return ERROR;
        }
    }
}
