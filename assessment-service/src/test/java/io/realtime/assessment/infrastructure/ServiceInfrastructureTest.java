package io.realtime.assessment.infrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
class ServiceInfrastructureTest {

    @Inject
    Pool pool;

    @Test
    void ownDatabaseIsMigratedByFlyway() {
        List<String> versions = new ArrayList<>();
        String database = pool.query("SELECT current_database() AS db").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString("db");
        for (Row row : pool.query("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL "
                + "ORDER BY installed_rank").execute().await().atMost(Duration.ofSeconds(10))) {
            assertThat(row.getBoolean("success")).isTrue();
            versions.add(row.getString("version"));
        }
        assertThat(database).isEqualTo("assessment");
        assertThat(versions).startsWith("1");
        long tables = pool.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name IN ('assessment_test', 'attempt', 'attempt_question', 'bank_question')")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
        assertThat(tables).isEqualTo(4);
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(org.hamcrest.Matchers.containsString("PostgreSQL")));
    }
}
