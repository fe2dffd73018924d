package io.realtime.assessment.infrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.SchemaInspector;

@QuarkusTest
class ServiceInfrastructureTest {

    @Test
    void ownDatabaseIsBuiltByVersionedMigrations() {
        assertThat(SchemaInspector.appliedMigrations("assessment")).startsWith("1");
        assertThat(SchemaInspector.tables("assessment")).contains("assessment_test", "test_access", "bank_question", "attempt", "attempt_question");
    }

    /** Ready once the takeover consumer has joined its group too (it reads from the latest offset). */
    @Test
    void readinessIncludesTheDatabaseAndTheTakeoverConsumer() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.find { it.name == 'kafka-instance-consumers' }.data.session-takeovers-in",
                        equalTo("JOINED")));
    }
}
