package io.realtime.bench.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged service ({@code quarkus-run.jar}) in a JVM of its own on a free loopback port, started by a scenario and
 * stopped on close. The clock starts just before the process is spawned; {@link #awaitReady} polls
 * {@code /q/health/ready} every 5 ms. Output goes to {@code log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");

    private final Process process;
    private final int port;
    private final Path log;
    private final long spawnedAt;

    private ServiceProcess(Process process, int port, Path log, long spawnedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.spawnedAt = spawnedAt;
    }

    /** Spawns {@code java <jvmArgs> -jar jar} with {@code environment} (whose PORT is set to the free port). */
    public static ServiceProcess start(Path jar, List<String> jvmArgs, Map<String, String> environment, Path log)
            throws IOException {
        int port = Integer.parseInt(environment.getOrDefault("PORT", "0"));
        if (port == 0) {
            port = freePort();
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("PORT", Integer.toString(port));
        long spawnedAt = System.nanoTime();
        return new ServiceProcess(builder.start(), port, log, spawnedAt);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Nanoseconds from spawning the JVM to the first 200 of {@code /q/health/ready}. */
    public long awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = spawnedAt + limit.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime() - spawnedAt;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(log.getFileName() + ": not ready after " + limit.toSeconds()
                + " s (alive: " + process.isAlive() + "); last lines:\n" + tail(20));
    }

    /** Quarkus' own "started in" from the log, in seconds, if it has been printed. */
    public OptionalDouble startedIn() throws IOException {
        Matcher matcher = STARTED_IN.matcher(Files.readString(log));
        return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(15));
    }

    /** SIGTERM, then SIGKILL if the JVM has not exited within {@code grace} (a CDS dump at exit takes a while). */
    public void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
