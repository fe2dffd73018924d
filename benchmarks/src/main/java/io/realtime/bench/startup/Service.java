package io.realtime.bench.startup;

import java.util.Arrays;
import java.util.List;

/** A service of the suite as {@code ./run} starts it: its short name, Maven module and database (null: none). */
record Service(String name, String module, String database) {

    static final List<Service> ALL = List.of(
            new Service("assessment", "assessment-service", "assessment"),
            new Service("messaging", "messaging-service", "messaging"),
            new Service("chat", "chat-service", "chat"),
            new Service("project-docs", "project-docs-service", "docs"),
            new Service("media-stream", "media-stream-service", "media"));

    static List<Service> named(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> ALL.stream().filter(s -> s.name.equals(name) || s.module.equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown service " + name + "; one of "
                                + ALL.stream().map(Service::name).toList())))
                .toList();
    }
}
