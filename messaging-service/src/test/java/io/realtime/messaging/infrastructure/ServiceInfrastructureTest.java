package io.realtime.messaging.infrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.test.SchemaInspector;

@QuarkusTest
class ServiceInfrastructureTest {

    @Inject
    Flyway flyway;

    @Test
    void ownDatabaseIsBuiltByVersionedMigrations() {
        assertThat(SchemaInspector.appliedMigrations("messaging")).startsWith("1");
        assertThat(SchemaInspector.tables("messaging")).contains("conversation", "conversation_participant", "message");
    }

    /** A replica of the previous version starting during a rolling update finds a migration it does not know. */
    @Test
    void aSchemaMigratedByANewerVersionStillValidates() throws Exception {
        try (var db = EmbeddedInfra.postgres().connect("messaging"); Statement statement = db.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) VALUES (9999, '9999', 'from the future', "
                    + "'SQL', 'V9999__from_the_future.sql', 1, 'test', 1, true)");
            try {
                flyway.validate();
            } finally {
                statement.execute("DELETE FROM flyway_schema_history WHERE installed_rank = 9999");
            }
        }
    }

    /** The fan-out consumer reads from the latest offset: before its group has joined, the instance is not ready. */
    @Test
    void readinessWaitsForTheFanOutConsumerToJoin() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'kafka-instance-consumers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka-instance-consumers' }.data.conversation-events-in",
                        equalTo("JOINED")));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }
}
