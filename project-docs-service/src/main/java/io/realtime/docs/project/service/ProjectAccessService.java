package io.realtime.docs.project.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.project.domain.ProjectAccess;
import io.realtime.docs.project.repository.ProjectMemberRepository;
import io.smallrye.mutiny.Uni;

/**
 * The membership rule: a user sees and joins a project only when project_member names them. To anyone else the
 * project does not exist (the same answer as for an unknown id, so ids reveal nothing).
 */
@ApplicationScoped
public class ProjectAccessService {

    private final ProjectMemberRepository members;

    public ProjectAccessService(ProjectMemberRepository members) {
        this.members = members;
    }

    /** {@code userId} null: an anonymous client ({@code docs.auth.required=false}, dev only) reads any project. */
    public Uni<ProjectAccess> access(long projectId, String userId) {
        Uni<Boolean> allowed = userId == null ? members.exists(projectId) : members.isMember(projectId, userId);
        return allowed.map(ok -> ok ? ProjectAccess.MEMBER : ProjectAccess.NOT_FOUND);
    }
}
