package io.realtime.chat.session.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "chat_session")
public class ChatSession {

    @Id
    public UUID id;

    @Column(name = "visitor_id", nullable = false)
    public UUID visitorId;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "conversation_data", nullable = false, columnDefinition = "jsonb")
    public Map<String, String> conversationData = new HashMap<>();

    @Column(name = "created_ip", nullable = false, columnDefinition = "text")
    public String createdIp;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    public Instant lastActivityAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The order in which conversation_data's fields are shown (JSONB keeps no order); other keys follow, sorted. */
    public static final java.util.List<String> DATA_ORDER = java.util.List.of("name", "email", "phone", "postcode",
            "vehicle_interest", "salary_package", "employer");

    /** conversation_data in {@link #DATA_ORDER}. */
    public Map<String, String> orderedData() {
        Map<String, String> ordered = new java.util.LinkedHashMap<>();
        DATA_ORDER.forEach(key -> {
            if (conversationData.containsKey(key)) {
                ordered.put(key, conversationData.get(key));
            }
        });
        new java.util.TreeMap<>(conversationData).forEach(ordered::putIfAbsent);
        return java.util.Collections.unmodifiableMap(ordered);
    }

    public SessionStatus status() {
        return SessionStatus.of(status);
    }

    /** What a client sees: an active session past its expiry is expired, whether or not a sweep marked it. */
    public SessionStatus statusAt(Instant now) {
        SessionStatus stored = status();
        return stored == SessionStatus.ACTIVE && !now.isBefore(expiresAt) ? SessionStatus.EXPIRED : stored;
    }
}
