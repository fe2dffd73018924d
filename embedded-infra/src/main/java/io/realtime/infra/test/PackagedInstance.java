package io.realtime.infra.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.realtime.infra.postgres.PostgresServer;

/**
 * One more instance of a service for cluster tests: its packaged jar ({@code target/quarkus-app/quarkus-run.jar})
 * in its own JVM, on a free port, on the embedded PostgreSQL database and Kafka the tests use, with the dev JWT key.
 * Its output goes to {@code target/instance-<name>.log}.
 */
public final class PackagedInstance implements AutoCloseable {

    private final Process process;
    private final URI base;

    private PackagedInstance(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the jar and waits (up to 2 minutes) until {@code /q/health/ready} answers 200. */
    public static PackagedInstance start(String name, String jar, String database, String maxHeap,
            Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer postgres = EmbeddedInfra.postgres();
        Path log = Path.of("target", "instance-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + maxHeap, "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("DB_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("DB_JDBC_URL", postgres.jdbcUrl(database));
        env.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedInfra.kafka().bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", "file:" + System.getProperty("jwt.public.key"));
        env.putAll(extraEnvironment);
        PackagedInstance instance = new PackagedInstance(builder.start(),
                URI.create("http://127.0.0.1:" + port + "/"));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && instance.process.isAlive()) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(instance.base.resolve("/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return instance;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        instance.close();
        throw new AssertionError("instance " + name + " did not start:\n" + Files.readString(log));
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
