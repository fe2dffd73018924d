package io.realtime.docs.project.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.project.domain.Member;
import io.realtime.docs.project.domain.Project;
import io.realtime.docs.project.repository.ProjectRepository;
import io.realtime.protocol.text.SafeText;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/**
 * Projects over REST. The rules (also in the README): a project is visible only to its members, and to anyone else
 * it does not exist (404); any member reads it, its members and its chats; only the owner adds or removes members;
 * the owner cannot be removed; one user owns at most {@code docs.projects.max-owned-per-user} projects.
 */
@ApplicationScoped
public class ProjectService {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final ProjectRepository projects;
    private final DocsConfig config;

    public ProjectService(ProjectRepository projects, DocsConfig config) {
        this.projects = projects;
        this.config = config;
    }

    public Uni<Project> create(String ownerId, String name, String description) {
        String validName = text("name", name, MAX_NAME, true);
        String validDescription = text("description", description, MAX_DESCRIPTION, false);
        int maxOwned = config.projects().maxOwnedPerUser();
        return projects.countOwnedBy(ownerId).chain(owned -> {
            if (owned >= maxOwned) {
                return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.LIMIT_REACHED,
                        "You own " + maxOwned + " projects, the most one user may own"));
            }
            return projects.create(validName, validDescription, ownerId);
        });
    }

    public Uni<List<Project>> listMine(String userId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.INVALID,
                    "limit must be 1-100 and offset at least 0"));
        }
        return projects.listFor(userId, offset, limit);
    }

    /** The project as a member sees it; 404 for everyone else. */
    public Uni<Project> get(long projectId, String userId) {
        return projects.findFor(projectId, userId).onItem().ifNull()
                .failWith(() -> ProjectException.projectNotFound(projectId));
    }

    public Uni<List<Member>> members(long projectId, String userId) {
        return get(projectId, userId).chain(project -> projects.members(projectId));
    }

    public Uni<List<Member>> addMember(long projectId, String callerId, String newMember) {
        if (newMember == null || !UserIds.isUsable(newMember)) {
            return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.INVALID,
                    "user_id is required: a user id of 1-" + UserIds.MAX_LENGTH + " characters"));
        }
        return owned(projectId, callerId)
                .chain(project -> projects.addMember(projectId, newMember, config.projects().maxMembersPerProject()))
                .onFailure(ProjectRepository.MembersFull.class).transform(full -> new ProjectException(
                        ProjectException.Kind.LIMIT_REACHED, "The project has "
                        + config.projects().maxMembersPerProject() + " members, the most it may have"))
                .chain(ignored -> projects.members(projectId));
    }

    public Uni<Void> removeMember(long projectId, String callerId, String member) {
        return owned(projectId, callerId).chain(project -> {
            if (member.equals(project.ownerId())) {
                return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.CONFLICT,
                        "The owner cannot be removed from the project"));
            }
            return projects.removeMember(projectId, member);
        }).chain(removed -> removed ? Uni.createFrom().voidItem() : Uni.createFrom().failure(
                new ProjectException(ProjectException.Kind.NOT_FOUND, "No such member")));
    }

    private Uni<Project> owned(long projectId, String callerId) {
        return get(projectId, callerId).invoke(project -> {
            if (!"owner".equals(project.role())) {
                throw new ProjectException(ProjectException.Kind.FORBIDDEN,
                        "Only the project's owner may change its members");
            }
        });
    }

    /** {@code value} stripped, checked for length and safe characters; null when optional and absent. */
    public static String text(String field, String value, int maxLength, boolean required) {
        String stripped = value == null ? null : value.strip();
        if (stripped == null || stripped.isEmpty()) {
            if (required) {
                throw new ProjectException(ProjectException.Kind.INVALID, field + " is required");
            }
            return null;
        }
        if (stripped.length() > maxLength) {
            throw new ProjectException(ProjectException.Kind.INVALID,
                    field + " must be at most " + maxLength + " characters");
        }
        if (!SafeText.isSafe(stripped)) {
            throw new ProjectException(ProjectException.Kind.INVALID, field + " " + SafeText.RULE);
        }
        return stripped;
    }
}
