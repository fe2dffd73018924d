package io.realtime.messaging.conversation.repository;

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

    /** Takes the next place in the conversation; the row stays locked until the transaction ends. */
    public Uni<Long> nextSeq(UUID conversationId) {
        return getSession().chain(session -> session
                .createNativeQuery("UPDATE conversation SET last_seq = last_seq + 1 WHERE id = ?1 RETURNING last_seq",
                        Long.class)
                .setParameter(1, conversationId).getSingleResult());
    }
}
