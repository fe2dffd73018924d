package io.realtime.infra.test;

import io.realtime.infra.kafka.KafkaServer;
import io.realtime.infra.postgres.PostgresServer;

/**
 * One PostgreSQL and one Kafka per test JVM, started on first use and stopped when the JVM exits. Quarkus loads the
 * application (and this class) again after a restart or a test profile change, so the servers' coordinates are kept
 * in system properties: every class loader in the JVM finds the same servers, and a restarted service finds its data.
 */
public final class EmbeddedInfra {

    private static final String PG_PORT = "realtime.embedded.postgres.port";
    private static final String KAFKA_BOOTSTRAP = "realtime.embedded.kafka.bootstrap";

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private EmbeddedInfra() {
    }

    public static PostgresServer postgres() {
        synchronized (System.class) {
            if (postgres == null) {
                String port = System.getProperty(PG_PORT);
                if (port != null) {
                    postgres = PostgresServer.attach(Integer.parseInt(port));
                } else {
                    postgres = PostgresServer.startEphemeral();
                    Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
                    System.setProperty(PG_PORT, Integer.toString(postgres.port()));
                }
            }
            return postgres;
        }
    }

    public static KafkaServer kafka() {
        synchronized (System.class) {
            if (kafka == null) {
                String bootstrap = System.getProperty(KAFKA_BOOTSTRAP);
                if (bootstrap != null) {
                    kafka = KafkaServer.attach(bootstrap);
                } else {
                    kafka = KafkaServer.startEphemeral();
                    Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
                    System.setProperty(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
                }
            }
            return kafka;
        }
    }
}
