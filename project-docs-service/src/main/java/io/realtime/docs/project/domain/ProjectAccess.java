package io.realtime.docs.project.domain;

/** Whether a user may see a project: only its members may (project_member); others are told it does not exist. */
public enum ProjectAccess {
    MEMBER,
    NOT_FOUND
}
