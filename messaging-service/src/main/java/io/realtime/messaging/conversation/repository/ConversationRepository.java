package io.realtime.messaging.conversation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.realtime.messaging.conversation.domain.Conversation;
import io.realtime.messaging.conversation.domain.Participant;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    /** Newest first, one page. */
    public Uni<List<Conversation>> listForUser(String userId, int offset, int limit) {
        return find("select c from Conversation c where c.id in "
                + "(select p.id.conversationId from Participant p where p.id.userId = ?1) "
                + "order by c.createdAt desc, c.id", userId).range(offset, offset + limit - 1).list();
    }

    public Uni<Long> participantCount(UUID conversationId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select count(p) from Participant p where p.id.conversationId = ?1", Long.class)
                .setParameter(1, conversationId).getSingleResult());
    }

    public Uni<List<String>> participantIds(UUID conversationId) {
        return getSession().chain(session -> session
                .createQuery("select p.id.userId from Participant p where p.id.conversationId = ?1 order by p.joinedAt",
                        String.class)
                .setParameter(1, conversationId).getResultList());
    }

    public Uni<Boolean> isParticipant(UUID conversationId, String userId) {
        return getSession().chain(session -> session.find(Participant.class,
                new Participant.Key(conversationId, userId))).map(found -> found != null);
    }

    /** The times the user created conversations since {@code since}, oldest first: what their rate limit counts. */
    public Uni<List<Instant>> createdSince(String userId, Instant since) {
        return getSession().chain(session -> session.createQuery("select c.createdAt from Conversation c "
                + "where c.createdBy = ?1 and c.createdAt > ?2 order by c.createdAt", Instant.class)
                .setParameter(1, userId).setParameter(2, since).getResultList());
    }

    /**
     * Serialises one user's rate-limited writes (messages sent, conversations created) across all instances until
     * the transaction ends, so that counting them and writing one more is a single step.
     */
    public Uni<Void> lockUser(String userId) {
        return getSession().chain(session -> session.createNativeQuery(
                "SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked", Integer.class)
                .setParameter(1, "messaging-user:" + userId).getSingleResult()).replaceWithVoid();
    }

    /** Takes the next place in the conversation; the row stays locked until the transaction ends. */
    public Uni<Long> nextSeq(UUID conversationId) {
        return getSession().chain(session -> session
                .createNativeQuery("UPDATE conversation SET last_seq = last_seq + 1 WHERE id = ?1 RETURNING last_seq",
                        Long.class)
                .setParameter(1, conversationId).getSingleResult());
    }
}
