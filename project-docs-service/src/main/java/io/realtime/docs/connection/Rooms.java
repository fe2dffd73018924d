package io.realtime.docs.connection;

/** The guide's room names: each project has one, {@code project_{id}}. */
public final class Rooms {

    private Rooms() {
    }

    public static String project(long projectId) {
        return "project_" + projectId;
    }
}
