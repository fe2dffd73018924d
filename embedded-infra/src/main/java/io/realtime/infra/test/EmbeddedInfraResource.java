package io.realtime.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.realtime.infra.kafka.KafkaServer;
import io.realtime.infra.postgres.PostgresServer;

/**
 * Real PostgreSQL and Kafka for a service's {@code @QuarkusTest}s. Init argument {@code database} names the
 * service's own database (created if missing); Flyway migrations then build its schema as in production.
 */
public class EmbeddedInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = EmbeddedInfra.postgres();
        KafkaServer kafka = EmbeddedInfra.kafka();
        postgres.ensureDatabase(database);
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD,
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test profile in this JVM; EmbeddedInfra stops them at JVM exit
    }
}
