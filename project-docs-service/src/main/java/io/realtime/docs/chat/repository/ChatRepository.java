package io.realtime.docs.chat.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.chat.domain.Chat;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Chats on the reactive client (Socket.IO handlers have no Hibernate session). */
@ApplicationScoped
public class ChatRepository {

    private final Pool pool;

    public ChatRepository(Pool pool) {
        this.pool = pool;
    }

    /** A new chat, or null when the project already holds {@code maxChats} (counted under the project's row lock). */
    public Uni<Chat> create(long projectId, String title, String createdBy, int maxChats) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select id from project where id = $1 for update").execute(Tuple.of(projectId))
                .chain(ignored -> connection.preparedQuery("select count(*) from chat where project_id = $1")
                        .execute(Tuple.of(projectId)))
                .chain(rows -> rows.iterator().next().getLong(0) >= maxChats ? Uni.createFrom().nullItem()
                        : connection.preparedQuery("insert into chat (project_id, title, created_by) "
                                + "values ($1, $2, $3) returning id, project_id, title, created_by, created_at")
                                .execute(Tuple.of(projectId, title, createdBy))
                                .map(inserted -> chat(inserted.iterator().next()))));
    }

    public Uni<List<Chat>> list(long projectId, int offset, int limit) {
        return pool.preparedQuery("select id, project_id, title, created_by, created_at from chat "
                + "where project_id = $1 order by id desc offset $2 limit $3")
                .execute(Tuple.of(projectId, offset, limit))
                .map(rows -> {
                    List<Chat> chats = new ArrayList<>();
                    rows.forEach(row -> chats.add(chat(row)));
                    return chats;
                });
    }

    /** The chat, or null. */
    public Uni<Chat> find(long chatId) {
        return pool.preparedQuery("select id, project_id, title, created_by, created_at from chat where id = $1")
                .execute(Tuple.of(chatId))
                .map(rows -> rows.size() == 0 ? null : chat(rows.iterator().next()));
    }

    private static Chat chat(Row row) {
        return new Chat(row.getLong("id"), row.getLong("project_id"), row.getString("title"),
                row.getString("created_by"), row.getOffsetDateTime("created_at").toInstant());
    }
}
