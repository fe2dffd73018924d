package io.realtime.docs.project.service;

/**
 * A request the project rules refuse; REST answers it with the status of its {@link Kind} and a JSON problem body,
 * Socket.IO with an {@code error} event carrying the message.
 */
public class ProjectException extends RuntimeException {

    /** What went wrong, with the HTTP status it stands for. */
    public enum Kind {
        INVALID(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        CONFLICT(409),
        LIMIT_REACHED(429);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public ProjectException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ProjectException projectNotFound(long projectId) {
        return new ProjectException(Kind.NOT_FOUND, "Project " + projectId + " not found");
    }
}
