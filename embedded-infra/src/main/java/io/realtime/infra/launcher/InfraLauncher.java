package io.realtime.infra.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.realtime.infra.kafka.KafkaServer;
import io.realtime.infra.postgres.PostgresServer;

/**
 * The run command's infrastructure: PostgreSQL and Kafka on fixed ports, data kept under {@code --data-dir},
 * one database per service. Runs until SIGINT/SIGTERM, then stops Kafka and PostgreSQL cleanly.
 *
 * <pre>java -jar embedded-infra.jar --data-dir .run/data --pg-port 15432 --kafka-port 19092 --databases a,b</pre>
 */
public final class InfraLauncher {

    public static final String READY_LINE = "INFRA READY";

    private InfraLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = parse(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".run/data")).toAbsolutePath();
        int pgPort = Integer.parseInt(options.getOrDefault("pg-port", "15432"));
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "19092"));
        List<String> databases = List.of(options.getOrDefault("databases", "").split(","));

        refuseBusyPort("PostgreSQL", pgPort, dataDir.resolve("postgres"));
        refuseBusyPort("Kafka", kafkaPort, null);
        refuseBusyPort("Kafka controller", kafkaPort + 1, null);

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping infrastructure...");
            for (int i = started.size() - 1; i >= 0; i--) {
                closeQuietly(started.get(i));
            }
            System.out.println("Infrastructure stopped.");
            stopped.countDown();
        }, "infra-stop"));

        PostgresServer postgres = PostgresServer.startPersistent(dataDir.resolve("postgres"), pgPort);
        started.add(postgres);
        databases.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(postgres::ensureDatabase);
        KafkaServer kafka = KafkaServer.startPersistent(dataDir.resolve("kafka"), kafkaPort);
        started.add(kafka);

        System.out.printf("%s postgres=127.0.0.1:%d kafka=%s databases=%s%n", READY_LINE, postgres.port(),
                kafka.bootstrapServers(), String.join(",", databases));
        stopped.await();
    }

    private static void refuseBusyPort(String what, int port, Path postgresDataDir) {
        if (postgresDataDir != null && PostgresServer.runningPostmaster(postgresDataDir).isPresent()) {
            return; // our own stale postgres: startPersistent stops it
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        } catch (IOException free) {
            return;
        }
        System.err.printf("%s port %d is already in use by another program; stop it or choose another port.%n",
                what, port);
        System.exit(1);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("Error while stopping " + resource.getClass().getSimpleName() + ": " + e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got: " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
