package io.realtime.kit.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes committed {@link Outbox} events in id order and marks them published. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without publishing a row twice (while alive).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = "select id, topic, record_key, payload from outbox_event"
            + " where published_at is null order by id limit $1 for update skip locked";
    private static final String MARK = "update outbox_event set published_at = now() where id = any($1)";
    private static final String PURGE =
            "delete from outbox_event where published_at < now() - make_interval(secs => $1)";

    private record Pending(long id, String topic, String key, String payload) {
        static Pending of(Row row) {
            return new Pending(row.getLong("id"), row.getString("topic"), row.getString("record_key"),
                    row.getString("payload"));
        }
    }

    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final Pool pool;
    private final MutinyEmitter<String> out;
    private final OutboxConfig config;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long lastPurge = System.nanoTime();

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> out, OutboxConfig config) {
        this.pool = pool;
        this.out = out;
        this.config = config;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        config.pollInterval().ifPresent(interval -> vertx.setPeriodic(interval.toMillis(), id -> relay()));
    }

    /** One batch at a time: a tick that finds the previous batch still running does nothing. */
    void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        publishPending().chain(published -> published > 0 ? Uni.createFrom().voidItem() : purgeNowAndThen())
                .subscribe().with(done -> running.set(false), failure -> {
                    running.set(false);
                    Log.warnf("Outbox relay: %s (retrying)", failure.getMessage());
                });
    }

    /** Deletes events published longer ago than the retention, when idle and at most every ten minutes. */
    private Uni<Void> purgeNowAndThen() {
        long now = System.nanoTime();
        if (now - lastPurge < PURGE_EVERY.toNanos()) {
            return Uni.createFrom().voidItem();
        }
        lastPurge = now;
        return pool.preparedQuery(PURGE).execute(Tuple.of(config.retention().toSeconds())).replaceWithVoid();
    }

    /** Publishes one batch of pending events; returns how many were published. */
    public Uni<Integer> publishPending() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Pending> pending = new ArrayList<>();
                    rows.forEach(row -> pending.add(Pending.of(row)));
                    return publishInOrder(pending, 0, new ArrayList<>())
                            .chain(published -> mark(connection, published).replaceWith(published.size()));
                }));
    }

    /** Publishes one after the other, stopping at the first failure: what was published is still marked. */
    private Uni<List<Long>> publishInOrder(List<Pending> pending, int index, List<Long> published) {
        if (index == pending.size()) {
            return Uni.createFrom().item(published);
        }
        Pending event = pending.get(index);
        Message<String> message = Message.of(event.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(event.topic()).withKey(event.key()).build());
        return out.sendMessage(message)
                .chain(() -> {
                    published.add(event.id());
                    return publishInOrder(pending, index + 1, published);
                })
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("Outbox event %d to %s not published yet: %s", event.id(), event.topic(),
                            failure.getMessage());
                    return Uni.createFrom().item(published);
                });
    }

    private static Uni<Void> mark(SqlConnection connection, List<Long> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery(MARK).execute(Tuple.of(ids.toArray(Long[]::new))).replaceWithVoid();
    }
}
