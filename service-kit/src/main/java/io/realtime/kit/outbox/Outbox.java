package io.realtime.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Events other services rely on are written here, in the same transaction as the change they report, and published
 * to Kafka by {@link OutboxRelay} after the commit: a crash between commit and publish delays an event, never loses
 * it. Delivery is at least once (a relay that dies after publishing and before marking publishes again), so
 * consumers deduplicate by the event's own id. The service's migrations create the table:
 *
 * <pre>
 * create table outbox_event (
 *     id bigserial primary key,
 *     topic text not null,
 *     record_key text,
 *     payload text not null,
 *     created_at timestamptz not null default now(),
 *     published_at timestamptz);
 * create index outbox_event_unpublished on outbox_event (id) where published_at is null;
 * </pre>
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "insert into outbox_event (topic, record_key, payload) values (?1, ?2, ?3)";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /** Adds {@code event} (as JSON) for {@code topic}, keyed by {@code key}; fails outside a transaction. */
    public Uni<Void> add(String topic, String key, Object event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event not serialisable", e));
        }
        return Panache.currentTransaction().chain(transaction -> {
            if (transaction == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.add outside a transaction: the event would not commit with its change"));
            }
            return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                    .setParameter(1, topic).setParameter(2, key).setParameter(3, payload)
                    .executeUpdate()).replaceWithVoid();
        });
    }
}
