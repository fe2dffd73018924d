package io.realtime.bench.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checkout ({@code --root}, default the working directory) and the infrastructure of the running suite
 * ({@code --pg-port} 15432, {@code --kafka} 127.0.0.1:19092, as {@code ./run} starts them): what a scenario needs to
 * launch a packaged service JVM of its own.
 */
public record Suite(Path root, int pgPort, String kafka) {

    public Suite {
        String kafkaHost = kafka.substring(0, kafka.lastIndexOf(':'));
        Loopback.require(kafkaHost);
    }

    public static Suite from(Options options) {
        return new Suite(Path.of(options.string("root", ".")).toAbsolutePath().normalize(),
                options.integer("pg-port", 15432, 1, 65535), options.string("kafka", "127.0.0.1:19092"));
    }

    /** {@code <module>/target/quarkus-app/quarkus-run.jar}, which must exist (package the module first). */
    public Path jar(String module) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -B -o package -DskipTests -pl " + module);
        }
        return jar;
    }

    /** The environment {@code ./run} gives a service (database {@code database}, or none if null), on {@code port}. */
    public Map<String, String> environment(String database, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        if (database != null) {
            env.put("DB_REACTIVE_URL", "postgresql://127.0.0.1:" + pgPort + "/" + database);
            env.put("DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database);
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("JWT_PUBLIC_KEY_LOCATION", "file:" + root.resolve(
                "common-security/src/main/resources/dev-keys/jwt-public.pem"));
        env.put("STREAM_AUTH_REQUIRED", "false");
        env.put("DOCS_AUTH_REQUIRED", "false");
        env.put("SEED_DEMO", "false");
        return env;
    }
}
