package io.realtime.assessment.quiz.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user allowed to take a test that is not open to all. */
@Entity
@Table(name = "test_access")
public class TestAccess {

    @EmbeddedId
    public Key id;

    @Column(name = "granted_by", nullable = false, columnDefinition = "text")
    public String grantedBy;

    @Column(name = "granted_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime grantedAt;

    @Embeddable
    public record Key(@Column(name = "test_id") Long testId, @Column(name = "user_id", columnDefinition = "text") String userId)
            implements Serializable {
    }
}
