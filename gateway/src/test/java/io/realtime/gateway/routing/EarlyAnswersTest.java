package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.gateway.config.GatewayConfig;
import io.realtime.gateway.routing.RawConnection.Answer;

/**
 * A service that answers before it has read the request (413 for a body over its limit, 401 before looking at the
 * body) or a client that gives up before the service has answered its handshake: the answer reaches the client as
 * the service sent it, and the gateway leaves no connection behind and logs no error.
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class EarlyAnswersTest {

    private static final long LARGE_BODY = 8L * 1024 * 1024;

    private ErrorLog errors;

    @TestHTTPResource("/")
    URI base;

    @Inject
    GatewayConfig config;

    @BeforeEach
    void recordErrors() {
        errors = ErrorLog.start();
    }

    @AfterEach
    void stopRecording() {
        errors.close();
        FakeService.release("assessment");
    }

    @Test
    void statusTheServiceSendsBeforeReadingTheBodyReachesTheClient() {
        // more than the pool holds: an early answer must not cost a pooled connection either
        for (int i = 0; i <= config.maxConnectionsPerService(); i++) {
            assertThat(post("/api/assessment/limited", LARGE_BODY).status()).as("attempt " + i).isEqualTo(413);
        }
        Answer unauthorised = post("/api/assessment/secured", LARGE_BODY);
        assertThat(unauthorised.status()).isEqualTo(401);
        assertThat(unauthorised.headers()).containsEntry("www-authenticate", "Bearer");
        assertThat(postChunked("/api/assessment/secured", LARGE_BODY).status()).isEqualTo(401);

        given().body("small").when().post("/api/assessment/limited").then().statusCode(200)
                .body("body", equalTo("small"));
        given().when().get("/api/assessment/tests").then().statusCode(200);
        assertThat(errors.records()).isEmpty();
    }

    @Test
    void handshakeTheClientAbandonsClosesItsConnectionToTheService() {
        int before = FakeService.connections("assessment");
        for (int i = 0; i < 5; i++) {
            String target = "/ws/assessment/" + i + FakeServicesResource.HELD;
            try (RawConnection client = RawConnection.open(base)) {
                client.send("GET " + target, RawConnection.UPGRADE_HEADERS);
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> FakeService.received().contains("assessment " + target));
            } // the client gives up before the service has answered
            await().atMost(Duration.ofSeconds(5)).untilAsserted(
                    () -> assertThat(FakeService.connections("assessment")).isLessThanOrEqualTo(before));
        }
        assertThat(errors.records()).isEmpty();
    }

    private Answer post(String target, long size) {
        try (RawConnection connection = RawConnection.open(base)) {
            connection.send("POST " + target, "Content-Length: " + size, "Content-Type: application/octet-stream");
            connection.writeInBackground(size, false);
            return connection.answer();
        }
    }

    private Answer postChunked(String target, long size) {
        try (RawConnection connection = RawConnection.open(base)) {
            connection.send("POST " + target, "Transfer-Encoding: chunked", "Content-Type: application/octet-stream");
            connection.writeInBackground(size, true);
            return connection.answer();
        }
    }
}
