package io.realtime.messaging.infrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.SchemaInspector;

@QuarkusTest
class ServiceInfrastructureTest {

    @Test
    void ownDatabaseIsBuiltByVersionedMigrations() {
        assertThat(SchemaInspector.appliedMigrations("messaging")).startsWith("1");
        assertThat(SchemaInspector.tables("messaging")).contains("conversation", "conversation_participant", "message");
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
    }
}
