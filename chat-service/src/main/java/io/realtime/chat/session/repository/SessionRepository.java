package io.realtime.chat.session.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.realtime.chat.session.domain.ChatSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@WithSession
public class SessionRepository implements PanacheRepositoryBase<ChatSession, UUID> {

    /** The session, its row locked until the transaction ends: one writer per session across instances. */
    public Uni<ChatSession> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Creation times of the sessions {@code address} created since {@code since}, oldest first. */
    public Uni<List<Instant>> createdSince(String address, Instant since) {
        return getSession().chain(session -> session.createQuery("select s.createdAt from ChatSession s "
                + "where s.createdIp = ?1 and s.createdAt > ?2 order by s.createdAt", Instant.class)
                .setParameter(1, address).setParameter(2, since).getResultList());
    }

    /** Serialises session creation per address across instances until the transaction ends. */
    public Uni<Void> lockAddress(String address) {
        return getSession().chain(session -> session
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) AS locked",
                        Integer.class)
                .setParameter(1, "chat-session-address:" + address).getSingleResult()).replaceWithVoid();
    }
}
