package io.realtime.messaging.conversation.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores a user's message in one statement (the {@code store_user_message} function), outside any transaction the
 * service holds open: the conversation's row lock lasts microseconds instead of several round trips.
 */
@ApplicationScoped
public class UserMessageStore {

    public enum Outcome {
        STORED, DUPLICATE, TAKEN, NOT_FOUND, NOT_PARTICIPANT, RATE_LIMITED
    }

    public record NewMessage(String messageId, UUID conversationId, String senderId, String content,
            Instant clientTimestamp, Instant now) {
    }

    /**
     * @param recipients every participant, in joining order (only when stored)
     * @param limitReachedAt when rate limited: the send time of the oldest message the full window counts
     * @param previousAt when stored: when the conversation's message before it was stored (null for the first)
     */
    public record Result(Outcome outcome, Long id, Long seq, Instant createdAt, boolean includesAssistant,
            List<String> recipients, Instant limitReachedAt, Instant previousAt) {
    }

    private static final String STORE = "SELECT outcome, id, seq, created_at, includes_assistant, participants, "
            + "limit_reached_at, previous_at FROM store_user_message($1, $2, $3, $4, $5, $6, $7, $8)";

    /** Another user's message took the id between the check and the insert. */
    private static final Result TAKEN = new Result(Outcome.TAKEN, null, null, null, false, List.of(), null, null);
    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public UserMessageStore(Pool pool) {
        this.pool = pool;
    }

    /** At most {@code rateLimit} messages of the user after {@code windowStart}, this one included. */
    public Uni<Result> store(NewMessage message, int rateLimit, Instant windowStart) {
        Tuple arguments = Tuple.tuple()
                .addString(message.messageId())
                .addUUID(message.conversationId())
                .addString(message.senderId())
                .addString(message.content())
                .addValue(utc(message.clientTimestamp()))
                .addValue(utc(message.now()))
                .addInteger(rateLimit)
                .addValue(utc(windowStart));
        return pool.preparedQuery(STORE).execute(arguments).map(rows -> result(rows.iterator().next()))
                .onFailure(UserMessageStore::uniqueViolation).recoverWithItem(TAKEN);
    }

    private static boolean uniqueViolation(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
    }

    private static Result result(Row row) {
        String[] participants = row.getArrayOfStrings("participants");
        Boolean assistant = row.getBoolean("includes_assistant");
        return new Result(Outcome.valueOf(row.getString("outcome").toUpperCase(Locale.ROOT)),
                row.getLong("id"), row.getLong("seq"), instant(row.getOffsetDateTime("created_at")),
                Boolean.TRUE.equals(assistant), participants == null ? List.of() : List.of(participants),
                instant(row.getOffsetDateTime("limit_reached_at")), instant(row.getOffsetDateTime("previous_at")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
