package io.realtime.messaging.conversation.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation_participant")
public class Participant {

    @EmbeddedId
    public Key id;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    public static Participant of(UUID conversationId, String userId, Instant now) {
        Participant participant = new Participant();
        participant.id = new Key(conversationId, userId);
        participant.joinedAt = now;
        return participant;
    }

    @Embeddable
    public record Key(@Column(name = "conversation_id") UUID conversationId,
            @Column(name = "user_id", columnDefinition = "text") String userId)
            implements Serializable {
    }
}
