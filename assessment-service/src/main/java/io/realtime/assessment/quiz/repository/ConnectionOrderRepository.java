package io.realtime.assessment.quiz.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Numbers connections in the order they open, across every instance (the {@code connection_order} sequence). */
@ApplicationScoped
public class ConnectionOrderRepository {

    public Uni<Long> next() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select nextval('connection_order')", Long.class).getSingleResult());
    }
}
