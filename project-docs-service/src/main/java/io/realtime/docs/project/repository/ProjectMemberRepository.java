package io.realtime.docs.project.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Membership look-ups on the reactive client. Socket.IO handlers run on plain Vert.x event-loop callbacks (no
 * Quarkus request context, so no Hibernate Reactive session): the reactive pool works from any thread.
 */
@ApplicationScoped
public class ProjectMemberRepository {

    private final Pool pool;

    public ProjectMemberRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> isMember(long projectId, String userId) {
        return pool.preparedQuery("select 1 from project_member where project_id = $1 and user_id = $2")
                .execute(Tuple.of(projectId, userId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Boolean> exists(long projectId) {
        return pool.preparedQuery("select 1 from project where id = $1")
                .execute(Tuple.of(projectId))
                .map(rows -> rows.size() > 0);
    }
}
