package io.realtime.messaging.conversation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "message")
public class Message {

    public static final String ROLE_USER = "user";
    public static final String ROLE_ASSISTANT = "assistant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id", nullable = false, columnDefinition = "text")
    public String messageId;

    @Column(name = "conversation_id", nullable = false)
    public UUID conversationId;

    @Column(nullable = false)
    public long seq;

    @Column(name = "sender_id", nullable = false, columnDefinition = "text")
    public String senderId;

    @Column(nullable = false, columnDefinition = "text")
    public String role;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "client_timestamp")
    public Instant clientTimestamp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
