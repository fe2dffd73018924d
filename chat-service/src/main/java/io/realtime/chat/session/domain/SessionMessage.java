package io.realtime.chat.session.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One message of a session: the visitor's ({@code user}) or the assistant's (an answer, an idle warning, the end). */
@Entity
@Table(name = "chat_message")
public class SessionMessage {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ASSISTANT = "assistant";
    public static final String KIND_MESSAGE = "message";
    public static final String KIND_IDLE_WARNING = "idle_warning";
    public static final String KIND_SESSION_END = "session_end";

    /** Order within the session (and across the table): the history's order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The id clients see ({@code message_id}, {@code response_id}). */
    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(nullable = false, columnDefinition = "text")
    public String role;

    @Column(nullable = false, columnDefinition = "text")
    public String kind;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static SessionMessage of(UUID sessionId, String role, String kind, String content, Instant at) {
        SessionMessage message = new SessionMessage();
        message.id = UUID.randomUUID();
        message.sessionId = sessionId;
        message.role = role;
        message.kind = kind;
        message.content = content;
        message.createdAt = at;
        return message;
    }
}
