package io.realtime.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the repository says the manifests must match: the services, their ports and topics, the gateway's routes. */
final class Suite {

    /**
     * A service module: its name, the port its configuration defaults to, its database (realtime.database), the Kafka
     * topics it names and its directory.
     */
    record Service(String name, int port, String database, Set<String> topics, Path module) {
    }

    /** One gateway path as an Ingress path: "P/*" is Prefix P, anything else Exact. */
    record Route(String path, String pathType, String service) {
    }

    private static final Pattern PORT = Pattern.compile("\\$\\{PORT:(\\d+)}");
    private static final Pattern TOPIC_CONSTANT = Pattern.compile("TOPIC\\s*=\\s*\"([^\"]+)\"");

    final Path root;

    Suite(Path root) {
        this.root = root;
    }

    /** Every module with a database of its own (realtime.database) is a deployed service; the gateway is not. */
    List<Service> services() throws IOException {
        Properties kit = load(root.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        Set<String> shared = topics(kit);
        shared.addAll(topicConstants(root.resolve("common-protocol/src/main/java")));
        List<Service> services = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (!Files.exists(file)) {
                    continue;
                }
                Properties props = load(file);
                if (props.getProperty("realtime.database") == null) {
                    continue;
                }
                Matcher port = PORT.matcher(props.getProperty("quarkus.http.port", ""));
                if (!port.find()) {
                    throw new IllegalStateException(file + ": quarkus.http.port is not ${PORT:<n>}");
                }
                Set<String> topics = topics(props);
                topics.addAll(topicConstants(module.resolve("src/main/java")));
                services.add(new Service(props.getProperty("quarkus.application.name"),
                        Integer.parseInt(port.group(1)), props.getProperty("realtime.database"), topics, module));
            }
        }
        services.add(0, new Service("(service-kit, common-protocol)", 0, null, shared, null));
        return services;
    }

    /** The gateway's route table as Ingress paths. */
    Set<Route> routes() throws IOException {
        Properties props = load(root.resolve("gateway/src/main/resources/application.properties"));
        Set<Route> routes = new TreeSet<>((a, b) -> (a.path + a.pathType).compareTo(b.path + b.pathType));
        Map<String, String> sorted = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> sorted.put(k, props.getProperty(k)));
        sorted.forEach((key, value) -> {
            Matcher m = Pattern.compile("gateway\\.routes\\.([\\w-]+)\\.paths").matcher(key);
            if (m.matches()) {
                for (String path : value.split(",")) {
                    path = path.trim();
                    String service = m.group(1) + "-service";
                    routes.add(path.endsWith("/*")
                            ? new Route(path.substring(0, path.length() - 2), "Prefix", service)
                            : new Route(path, "Exact", service));
                }
            }
        });
        return routes;
    }

    private static Set<String> topics(Properties props) {
        Set<String> topics = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic") && !key.startsWith("%")) {
                topics.add(props.getProperty(key).trim());
            }
        }
        return topics;
    }

    private static Set<String> topicConstants(Path sources) throws IOException {
        Set<String> topics = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return topics;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = TOPIC_CONSTANT.matcher(Files.readString(file));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        return topics;
    }

    private static Properties load(Path file) throws IOException {
        Properties props = new Properties();
        props.load(new StringReader(Files.readString(file)));
        return props;
    }
}
