package io.realtime.messaging.conversation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    public UUID id;

    @Column(columnDefinition = "text")
    public String title;

    @Column(name = "includes_assistant", nullable = false)
    public boolean includesAssistant;

    @Column(name = "created_by", nullable = false, columnDefinition = "text")
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;
}
