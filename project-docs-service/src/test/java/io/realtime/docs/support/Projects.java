package io.realtime.docs.support;

import java.time.Duration;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Test data: projects and their members, written straight to the database. */
public final class Projects {

    private Projects() {
    }

    /** A new project owned by {@code owner} (its 'owner' member row), plus {@code members}; returns its id. */
    public static long create(Pool pool, String name, String owner, String... members) {
        long id = pool.preparedQuery("insert into project (name, owner_id) values ($1, $2) returning id")
                .execute(Tuple.of(name, owner)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("id");
        addMember(pool, id, owner, "owner");
        for (String member : members) {
            addMember(pool, id, member, "member");
        }
        return id;
    }

    /** A new chat in {@code projectId}; returns its id. */
    public static long chat(Pool pool, long projectId, String title) {
        return pool.preparedQuery("insert into chat (project_id, title) values ($1, $2) returning id")
                .execute(Tuple.of(projectId, title)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("id");
    }

    private static void addMember(Pool pool, long projectId, String userId, String role) {
        pool.preparedQuery("insert into project_member (project_id, user_id, role) values ($1, $2, $3)")
                .execute(Tuple.of(projectId, userId, role)).await().atMost(Duration.ofSeconds(10));
    }
}
