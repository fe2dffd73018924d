package io.realtime.docs.project.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.project.domain.Member;
import io.realtime.docs.project.domain.Project;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Projects and members on the reactive client (REST and Socket.IO use the same rows). */
@ApplicationScoped
public class ProjectRepository {

    private static final String COLUMNS = "p.id, p.name, p.description, p.owner_id, p.created_at, m.role";

    private final Pool pool;

    public ProjectRepository(Pool pool) {
        this.pool = pool;
    }

    /** Creates the project and its owner's member row in one transaction. */
    public Uni<Project> create(String name, String description, String ownerId) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("insert into project (name, description, owner_id) values ($1, $2, $3) "
                        + "returning id, name, description, owner_id, created_at, 'owner' as role")
                .execute(Tuple.of(name, description, ownerId))
                .map(rows -> project(rows.iterator().next()))
                .call(project -> addMember(connection, project.id(), ownerId, "owner")));
    }

    public Uni<Long> countOwnedBy(String userId) {
        return pool.preparedQuery("select count(*) from project_member where user_id = $1 and role = 'owner'")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** The projects {@code userId} is a member of, newest first. */
    public Uni<List<Project>> listFor(String userId, int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from project p join project_member m on m.project_id = p.id "
                + "where m.user_id = $1 order by p.id desc offset $2 limit $3")
                .execute(Tuple.of(userId, offset, limit))
                .map(ProjectRepository::projects);
    }

    /** The project as {@code userId} sees it; null when they are not a member (or it does not exist). */
    public Uni<Project> findFor(long projectId, String userId) {
        return pool.preparedQuery("select " + COLUMNS + " from project p join project_member m on m.project_id = p.id "
                + "where p.id = $1 and m.user_id = $2")
                .execute(Tuple.of(projectId, userId))
                .map(rows -> rows.size() == 0 ? null : project(rows.iterator().next()));
    }

    public Uni<List<Member>> members(long projectId) {
        return pool.preparedQuery("select user_id, role, added_at from project_member where project_id = $1 "
                + "order by added_at, user_id")
                .execute(Tuple.of(projectId))
                .map(rows -> {
                    List<Member> members = new ArrayList<>();
                    rows.forEach(row -> members.add(new Member(row.getString("user_id"), row.getString("role"),
                            row.getOffsetDateTime("added_at").toInstant())));
                    return members;
                });
    }

    /** Adds {@code userId} as a member unless the project is full; false when they already are one. */
    public Uni<Boolean> addMember(long projectId, String userId, int maxMembers) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("select id from project where id = $1 for update").execute(Tuple.of(projectId))
                .chain(ignored -> connection.preparedQuery("select count(*) from project_member where project_id = $1")
                        .execute(Tuple.of(projectId)))
                .chain(rows -> {
                    if (rows.iterator().next().getLong(0) >= maxMembers) {
                        return Uni.createFrom().failure(new MembersFull());
                    }
                    return connection.preparedQuery("insert into project_member (project_id, user_id, role) "
                            + "values ($1, $2, 'member') on conflict do nothing")
                            .execute(Tuple.of(projectId, userId)).map(inserted -> inserted.rowCount() == 1);
                }));
    }

    /** Removes a member who is not the owner; false when there was no such member. */
    public Uni<Boolean> removeMember(long projectId, String userId) {
        return pool.preparedQuery("delete from project_member where project_id = $1 and user_id = $2 "
                + "and role <> 'owner'")
                .execute(Tuple.of(projectId, userId)).map(deleted -> deleted.rowCount() == 1);
    }

    /** Thrown when a project already has its maximum of members. */
    public static final class MembersFull extends RuntimeException {
        MembersFull() {
            super("project is full", null, false, false);
        }
    }

    private static Uni<Void> addMember(SqlConnection connection, long projectId, String userId, String role) {
        return connection.preparedQuery("insert into project_member (project_id, user_id, role) values ($1, $2, $3)")
                .execute(Tuple.of(projectId, userId, role)).replaceWithVoid();
    }

    private static List<Project> projects(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Project> projects = new ArrayList<>();
        rows.forEach(row -> projects.add(project(row)));
        return projects;
    }

    private static Project project(Row row) {
        return new Project(row.getLong("id"), row.getString("name"), row.getString("description"),
                row.getString("owner_id"), row.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC)
                        .toInstant(), row.getString("role"));
    }
}
