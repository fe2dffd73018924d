package io.realtime.media.stream.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.media.stream.domain.SessionStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The cluster-wide state of sessions in PostgreSQL: each instance's heartbeat and connections, each session's
 * counters and its current minute of audio. Every statement is one atomic step, so instances never race.
 */
@ApplicationScoped
public class StreamRepository {

    private static final String LIVE_CONNECTIONS = "from stream_connection c join stream_instance i"
            + " on i.id = c.instance_id where c.session_id = $1 and i.seen_at > $2";

    private final Pool pool;

    public StreamRepository(Pool pool) {
        this.pool = pool;
    }

    /** The instance is alive at {@code now}; instances silent since {@code staleBefore} are purged. */
    public Uni<Void> heartbeat(String instanceId, Instant now, Instant staleBefore) {
        return pool.preparedQuery("insert into stream_instance (id, seen_at) values ($1, $2)"
                + " on conflict (id) do update set seen_at = excluded.seen_at")
                .execute(Tuple.of(instanceId, time(now)))
                .chain(() -> pool.preparedQuery("delete from stream_instance where seen_at < $1")
                        .execute(Tuple.of(time(staleBefore))))
                .replaceWithVoid();
    }

    /** Forgets sessions without a connection and without activity since {@code before}. */
    public Uni<Void> purgeSessions(Instant before) {
        return pool.preparedQuery("delete from stream_session s where s.last_activity_at < $1"
                + " and not exists (select 1 from stream_connection c where c.session_id = s.session_id)")
                .execute(Tuple.of(time(before))).replaceWithVoid();
    }

    public Uni<Void> removeInstance(String instanceId) {
        return pool.preparedQuery("delete from stream_instance where id = $1").execute(Tuple.of(instanceId))
                .replaceWithVoid();
    }

    /**
     * Adds a connection unless the session already has {@code max} live ones (counted under a per-session lock);
     * answers the session's live connections with it, or -1 when refused.
     */
    public Uni<Integer> join(String connectionId, String sessionId, String instanceId, String userId, Instant now,
            Instant liveAfter, int max) {
        return pool.withTransaction(sql -> sql.preparedQuery("select pg_advisory_xact_lock(hashtext($1))")
                .execute(Tuple.of(sessionId))
                .chain(() -> sql.preparedQuery("select count(*) " + LIVE_CONNECTIONS)
                        .execute(Tuple.of(sessionId, time(liveAfter))))
                .chain(counted -> {
                    int live = counted.iterator().next().getInteger(0);
                    if (live >= max) {
                        return Uni.createFrom().item(-1);
                    }
                    return sql.preparedQuery("insert into stream_connection (id, session_id, instance_id, user_id,"
                            + " connected_at) values ($1, $2, $3, $4, $5)")
                            .execute(Tuple.of(connectionId, sessionId, instanceId, userId, time(now)))
                            .chain(() -> sql.preparedQuery("insert into stream_session (session_id,"
                                    + " first_connected_at, last_activity_at, window_start) values ($1, $2, $2, $2)"
                                    + " on conflict (session_id) do update set last_activity_at = excluded"
                                    + ".last_activity_at").execute(Tuple.of(sessionId, time(now))))
                            .replaceWith(live + 1);
                }));
    }

    public Uni<Void> leave(String connectionId) {
        return pool.preparedQuery("delete from stream_connection where id = $1").execute(Tuple.of(connectionId))
                .replaceWithVoid();
    }

    public Uni<Void> countChat(String sessionId, Instant now) {
        return update("chat_messages = chat_messages + 1", sessionId, now, Tuple.tuple());
    }

    public Uni<Void> countVideo(String sessionId, long bytes, Instant now) {
        return update("video_chunks = video_chunks + 1, video_bytes = video_bytes + $3", sessionId, now,
                Tuple.of(bytes));
    }

    public Uni<Void> countTranscription(String sessionId, Instant now) {
        return update("transcriptions = transcriptions + 1", sessionId, now, Tuple.tuple());
    }

    /**
     * Counts an audio chunk of {@code seconds} if the session's current minute (since {@code window_start}; a new
     * one starts once {@code window} has passed) stays within {@code maxSeconds}; answers whether it was counted.
     */
    public Uni<Boolean> countAudio(String sessionId, long bytes, double seconds, Instant now, Duration window,
            double maxSeconds) {
        String fresh = "window_start <= $2::timestamptz - make_interval(secs => $5::float8)";
        String used = "(case when " + fresh + " then 0 else window_audio_seconds end + $4::float8)";
        return pool.preparedQuery("update stream_session set"
                + " window_audio_seconds = " + used + ","
                + " window_start = case when " + fresh + " then $2 else window_start end,"
                + " audio_chunks = audio_chunks + 1, audio_bytes = audio_bytes + $3,"
                + " audio_seconds = audio_seconds + $4, last_activity_at = $2"
                + " where session_id = $1 and " + used + " <= $6::float8")
                .execute(Tuple.from(new Object[] { sessionId, time(now), bytes, seconds,
                        (double) window.toMillis() / 1000, maxSeconds }))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The session's state across the cluster, or null when it never had a connection. */
    public Uni<SessionStatus> status(String sessionId, Instant liveAfter) {
        return pool.preparedQuery("select s.*, (select count(*) " + LIVE_CONNECTIONS + ") as live,"
                + " (select min(c.connected_at) " + LIVE_CONNECTIONS + ") as since"
                + " from stream_session s where s.session_id = $1")
                .execute(Tuple.of(sessionId, time(liveAfter)))
                .map(StreamRepository::toStatus);
    }

    private static SessionStatus toStatus(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return null;
        }
        Row row = rows.iterator().next();
        OffsetDateTime since = row.getOffsetDateTime("since");
        return new SessionStatus(row.getString("session_id"), row.getInteger("live"),
                since == null ? null : since.toInstant(), row.getOffsetDateTime("first_connected_at").toInstant(),
                row.getOffsetDateTime("last_activity_at").toInstant(), row.getLong("chat_messages"),
                row.getLong("audio_chunks"), row.getLong("audio_bytes"), row.getDouble("audio_seconds"),
                row.getLong("video_chunks"), row.getLong("video_bytes"), row.getLong("transcriptions"));
    }

    private Uni<Void> update(String set, String sessionId, Instant now, Tuple more) {
        Tuple args = Tuple.of(sessionId, time(now));
        for (int i = 0; i < more.size(); i++) {
            args.addValue(more.getValue(i));
        }
        return pool.preparedQuery("update stream_session set " + set + ", last_activity_at = $2"
                + " where session_id = $1").execute(args).replaceWithVoid();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
