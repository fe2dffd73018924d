package io.realtime.chat.session.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.realtime.chat.session.domain.SessionMessage;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepositoryBase<SessionMessage, Long> {

    /** The visitor's messages in the session since {@code since}: what the rate limit counts. */
    public Uni<List<Instant>> visitorMessagesSince(UUID sessionId, Instant since) {
        return getSession().chain(session -> session.createQuery("select m.createdAt from SessionMessage m "
                + "where m.sessionId = ?1 and m.role = 'user' and m.createdAt > ?2 order by m.createdAt",
                Instant.class).setParameter(1, sessionId).setParameter(2, since).getResultList());
    }

    /** A page of the history, oldest first. */
    public Uni<List<SessionMessage>> page(UUID sessionId, int offset, int limit) {
        return find("sessionId", Sort.ascending("seq"), sessionId).range(offset, offset + limit - 1).list();
    }

    /** The newest {@code limit} answers and questions (not idle notices), oldest first. */
    public Uni<List<SessionMessage>> recentConversation(UUID sessionId, int limit) {
        return find("sessionId = ?1 and kind = 'message'", Sort.descending("seq"), sessionId).page(0, limit).list()
                .map(newestFirst -> {
                    List<SessionMessage> ordered = new java.util.ArrayList<>(newestFirst);
                    java.util.Collections.reverse(ordered);
                    return ordered;
                });
    }
}
