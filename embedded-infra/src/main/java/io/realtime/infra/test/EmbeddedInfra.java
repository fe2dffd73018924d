package io.realtime.infra.test;

import io.realtime.infra.kafka.KafkaServer;
import io.realtime.infra.postgres.PostgresServer;

/**
 * One PostgreSQL and one Kafka per test JVM, started on first use and stopped when the JVM exits, so that test
 * profiles and several application instances in one JVM share them.
 */
public final class EmbeddedInfra {

    private static PostgresServer postgres;
    private static KafkaServer kafka;

    private EmbeddedInfra() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.startEphemeral();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
        }
        return kafka;
    }
}
