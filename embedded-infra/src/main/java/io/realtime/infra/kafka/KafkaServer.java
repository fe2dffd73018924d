package io.realtime.infra.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real single-node KRaft Kafka broker in this JVM, built from the {@code org.apache.kafka} artifacts whose version
 * the Quarkus BOM aligns with {@code kafka-clients}.
 */
public final class KafkaServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;

    private KafkaServer(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.bootstrapServers = broker.getAdvertisedListeners().replaceAll("[A-Z_]+://", "");
    }

    private KafkaServer(String bootstrapServers) {
        this.broker = null;
        this.bootstrapServers = bootstrapServers;
    }

    /** A handle on a broker started elsewhere in this JVM; closing it does not stop the broker. */
    public static KafkaServer attach(String bootstrapServers) {
        return new KafkaServer(bootstrapServers);
    }

    public static KafkaServer startEphemeral() {
        return new KafkaServer(new EmbeddedKafkaBroker()
                .withKafkaHost(HOST)
                .withAdditionalProperties(props -> props.put("auto.create.topics.enable", "true"))
                .start());
    }

    /** Fixed port (controller on {@code port + 1}) and topics kept in {@code logDirectory} between runs. */
    public static KafkaServer startPersistent(Path logDirectory, int port) {
        String clusterId = clusterId(logDirectory);
        return new KafkaServer(new EmbeddedKafkaBroker()
                .withKafkaHost(HOST)
                .withKafkaPort(port)
                .withControllerPort(port + 1)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dirs", logDirectory.resolve("logs").toAbsolutePath().toString());
                    props.put("auto.create.topics.enable", "true");
                })
                .start());
    }

    /** The cluster id is fixed per data directory: formatted storage refuses a different one. */
    private static String clusterId(Path logDirectory) {
        Path idFile = logDirectory.resolve("cluster.id");
        try {
            Files.createDirectories(logDirectory);
            if (Files.isRegularFile(idFile)) {
                return Files.readString(idFile).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.writeString(idFile, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
