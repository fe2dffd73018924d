package io.realtime.messaging.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.postgres.PostgresServer;
import io.realtime.infra.test.EmbeddedInfra;

/**
 * Several replicas start at once on a fresh database (a Kubernetes rollout): each runs Flyway at start-up. Flyway
 * takes a PostgreSQL advisory lock around migrating, so one applies every migration and the others find nothing to
 * do (k8s/README.md relies on this instead of a migration Job).
 */
@QuarkusTest
class ConcurrentMigrationTest {

    private static final int REPLICAS = 4;

    @Test
    void replicasMigratingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        String database = "messaging_rollout_" + System.nanoTime();
        PostgresServer postgres = EmbeddedInfra.postgres();
        postgres.ensureDatabase(database);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Integer>> applied = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                applied.add(replicas.submit(() -> {
                    Flyway flyway = Flyway.configure()
                            .dataSource(postgres.jdbcUrl(database), PostgresServer.USER, PostgresServer.PASSWORD)
                            .locations("classpath:db/migration").load();
                    start.await();
                    return flyway.migrate().migrationsExecuted;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> replica : applied) {
                total += replica.get(2, TimeUnit.MINUTES);
            }
            try (var db = postgres.connect(database); Statement query = db.createStatement();
                    ResultSet rows = query.executeQuery("SELECT count(*), count(DISTINCT version), bool_and(success) "
                            + "FROM flyway_schema_history WHERE version IS NOT NULL")) {
                rows.next();
                assertThat(rows.getInt(1)).as("history rows").isEqualTo(total).isGreaterThanOrEqualTo(3);
                assertThat(rows.getInt(2)).as("distinct versions").isEqualTo(total);
                assertThat(rows.getBoolean(3)).isTrue();
            }
        } finally {
            replicas.shutdownNow();
        }
    }
}
