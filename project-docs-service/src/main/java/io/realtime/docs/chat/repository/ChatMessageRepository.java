package io.realtime.docs.chat.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.docs.chat.domain.ChatMessage;
import io.realtime.docs.chat.domain.Source;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** A chat's messages; the assistant's keep their sources as JSON. */
@ApplicationScoped
public class ChatMessageRepository {

    private static final String COLUMNS = "id, chat_id, role, user_id, content, sources, model, created_at";
    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() {
    };

    private final Pool pool;
    private final ObjectMapper json;

    public ChatMessageRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<ChatMessage> addUserMessage(long chatId, String userId, String content) {
        return insert(Tuple.of(chatId, "user", userId, content, null, null));
    }

    public Uni<ChatMessage> addAnswer(long chatId, String content, List<Source> sources, String model) {
        return insert(Tuple.of(chatId, "assistant", null, content, new JsonArray(write(sources)), model));
    }

    /** The {@code count} messages before {@code beforeId}, oldest first. */
    public Uni<List<ChatMessage>> before(long chatId, long beforeId, int count) {
        return pool.preparedQuery("select " + COLUMNS + " from chat_message where chat_id = $1 and id < $2 "
                + "order by id desc limit $3")
                .execute(Tuple.of(chatId, beforeId, count))
                .map(rows -> {
                    List<ChatMessage> messages = messages(rows);
                    Collections.reverse(messages);
                    return messages;
                });
    }

    /** A page of history, newest first: up to {@code limit} messages older than {@code beforeId} (null: newest). */
    public Uni<List<ChatMessage>> page(long chatId, Long beforeId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from chat_message where chat_id = $1 and id < $2 "
                + "order by id desc limit $3")
                .execute(Tuple.of(chatId, beforeId == null ? Long.MAX_VALUE : beforeId, limit))
                .map(this::messages);
    }

    private Uni<ChatMessage> insert(Tuple values) {
        return pool.preparedQuery("insert into chat_message (chat_id, role, user_id, content, sources, model) "
                + "values ($1, $2, $3, $4, $5, $6) returning " + COLUMNS)
                .execute(values).map(rows -> message(rows.iterator().next()));
    }

    private List<ChatMessage> messages(Iterable<Row> rows) {
        List<ChatMessage> messages = new ArrayList<>();
        rows.forEach(row -> messages.add(message(row)));
        return messages;
    }

    private ChatMessage message(Row row) {
        Object sources = row.getValue("sources");
        return new ChatMessage(row.getLong("id"), row.getLong("chat_id"), row.getString("role"),
                row.getString("user_id"), row.getString("content"), sources == null ? null : read(sources.toString()),
                row.getString("model"), row.getOffsetDateTime("created_at").toInstant());
    }

    private String write(List<Source> sources) {
        try {
            return json.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sources not serialisable", e);
        }
    }

    private List<Source> read(String sources) {
        try {
            return json.readValue(sources, SOURCES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sources unreadable", e);
        }
    }
}
