package io.realtime.messaging.conversation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.realtime.messaging.conversation.domain.Message;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepository<Message> {

    public Uni<Message> findByMessageId(String messageId) {
        return find("messageId", messageId).firstResult();
    }

    /** A page of history, newest first, before {@code beforeSeq} (exclusive; null for the newest). */
    public Uni<List<Message>> page(UUID conversationId, Long beforeSeq, int limit) {
        if (beforeSeq == null) {
            return find("conversationId", Sort.descending("seq"), conversationId).page(0, limit).list();
        }
        return find("conversationId = ?1 and seq < ?2", Sort.descending("seq"), conversationId, beforeSeq)
                .page(0, limit).list();
    }

    /** Messages of the user's conversations stored after {@code afterId}, in order (missed-message replay). */
    public Uni<List<Message>> missedSince(String userId, long afterId, int limit) {
        return find("id > ?1 and conversationId in (select p.id.conversationId from Participant p "
                + "where p.id.userId = ?2)", Sort.ascending("id"), afterId, userId).page(0, limit).list();
    }

    /** The newest message id stored at or before {@code time}. */
    public Uni<Long> lastIdAtOrBefore(Instant time) {
        return getSession().chain(session -> session.createQuery(
                "select coalesce(max(m.id), 0) from Message m where m.createdAt <= ?1", Long.class)
                .setParameter(1, time).getSingleResult());
    }

    public Uni<List<Message>> recent(UUID conversationId, int limit) {
        return find("conversationId", Sort.descending("seq"), conversationId).page(0, limit).list();
    }
}
