package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.gateway.config.GatewayConfig;
import io.realtime.gateway.routing.RawConnection.Answer;
import io.realtime.infra.test.TestSocket;
import io.vertx.core.json.JsonObject;

/**
 * One user cannot wedge a service for everyone: WebSocket tunnels do not take the REST pool, tunnels are limited per
 * service and per client address, and REST requests that cannot get a pooled connection answer 503 within the wait
 * timeout instead of hanging. The test profile's limits are tiny (application.properties, {@code %test.gateway.*}).
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class UpstreamLimitsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String SERVICES = "checks.find { it.name == 'services' }.";

    @TestHTTPResource("/")
    URI base;

    @Inject
    GatewayConfig config;

    private ErrorLog errors;

    @BeforeEach
    void recordErrors() {
        errors = ErrorLog.start();
    }

    @AfterEach
    void answerHeldRequests() {
        errors.close();
        FakeService.release("assessment");
    }

    @Test
    void openWebSocketsLeaveTheRestPoolFree() {
        int pool = config.maxConnectionsPerService();
        assertThat(pool + 3).isLessThanOrEqualTo(Math.min(config.maxTunnelsPerService(), config.maxTunnelsPerClient()));
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < pool + 2; i++) {
                open.add(TestSocket.connect(ws("/ws/assessment/" + i)));
                assertThat(new JsonObject(open.get(i).next()).getString("path")).isEqualTo("/ws/assessment/" + i);
            }
            for (int i = 0; i <= pool; i++) {
                assertThat(send(get("/api/assessment/tests?n=" + i)).join().statusCode()).isEqualTo(200);
            }
            try (TestSocket another = TestSocket.connect(ws("/ws/assessment/another"))) {
                another.next();
                assertThat(another.send("ping").next()).isEqualTo("echo:ping");
            }
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body(SERVICES + "data.assessment", equalTo("UP"));
        } finally {
            open.forEach(TestSocket::close);
        }
    }

    @Test
    void tunnelsAreLimitedPerServiceAndPerClientAddress() {
        int perService = config.maxTunnelsPerService();
        int perClient = config.maxTunnelsPerClient();
        assertThat(perClient).isGreaterThan(perService);
        // sockets of earlier tests may still be closing: retry until their slots are back
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            List<AutoCloseable> open = new ArrayList<>();
            try {
                for (int i = 0; i < perService; i++) {
                    open.add(TestSocket.connect(ws("/ws/assessment/" + i)));
                }
                Answer serviceFull = RawConnection.exchange(base, "GET /ws/assessment/full",
                        RawConnection.UPGRADE_HEADERS);
                assertThat(serviceFull.status()).isEqualTo(503);
                assertThat(serviceFull.body()).isNotBlank();
                for (int i = perService; i < perClient; i++) {
                    open.add(TestSocket.connect(ws("/ws?n=" + i)));
                }
                Answer clientFull = RawConnection.exchange(base, "GET /ws", RawConnection.UPGRADE_HEADERS);
                assertThat(clientFull.status()).isEqualTo(429);
                assertThat(clientFull.body()).isNotBlank();

                // another client address has its own allowance, but the same per-service limit
                RawConnection other = RawConnection.openFrom(base, "127.0.0.2");
                open.add(other);
                assertThat(other.send("GET /ws", RawConnection.UPGRADE_HEADERS).answer().status()).isEqualTo(101);
                assertThat(upgradeFrom("127.0.0.2", "/ws/assessment/other").status()).isEqualTo(503);
            } finally {
                for (AutoCloseable socket : open) {
                    socket.close();
                }
            }
        });
        // closing the sockets gives their slots back
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            List<TestSocket> open = new ArrayList<>();
            try {
                for (int i = 0; i < perService; i++) {
                    open.add(TestSocket.connect(ws("/ws/assessment/again" + i)));
                }
            } finally {
                open.forEach(TestSocket::close);
            }
        });
    }

    @Test
    void saturatedPoolAnswers503WithinTheWaitTimeoutAndHealthSaysSo() {
        int pool = config.maxConnectionsPerService();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            held.add(send(get("/api/assessment/held?n=" + i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> FakeService.held("assessment") == pool);

        long timeout = config.connectionWaitTimeout().toMillis();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i <= config.maxWaitingRequestsPerService(); i++) {
            waiting.add(send(get("/api/assessment/tests?waiting=" + i)));
        }
        for (CompletableFuture<HttpResponse<String>> answer : waiting) {
            assertThat(answer.orTimeout(timeout + 5_000, TimeUnit.MILLISECONDS).join().statusCode()).isEqualTo(503);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(timeout + 2_000));

        given().when().get("/q/health/ready").then().statusCode(200)
                .body(SERVICES + "status", equalTo("UP"))
                .body(SERVICES + "data.assessment", equalTo("SATURATED"))
                .body(SERVICES + "data.messaging", equalTo("UP"));
        given().when().get("/api/conversations").then().statusCode(200).body("service", equalTo("messaging"));

        FakeService.release("assessment");
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertThat(answer.orTimeout(5, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
        }
        given().when().get("/api/assessment/tests").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(SERVICES + "data.assessment", equalTo("UP"));
    }

    @Test
    void clientsThatGiveUpWhileQueuedLeaveThePoolWhole() {
        int pool = config.maxConnectionsPerService();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            held.add(send(get("/api/assessment/held?n=" + i)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> FakeService.held("assessment") == pool);
        for (int i = 0; i < config.maxWaitingRequestsPerService(); i++) {
            try (RawConnection quitter = RawConnection.open(base)) {
                quitter.send("POST /api/assessment/tests?quitter=" + i, "Content-Length: 5").write(new byte[5]);
            }
        }
        FakeService.release("assessment"); // the freed connections go to the quitters first
        for (CompletableFuture<HttpResponse<String>> answer : held) {
            assertThat(answer.orTimeout(5, TimeUnit.SECONDS).join().statusCode()).isEqualTo(200);
        }
        for (int i = 0; i <= pool; i++) {
            assertThat(send(get("/api/assessment/tests?after=" + i)).join().statusCode()).isEqualTo(200);
        }
        assertThat(errors.records()).isEmpty();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build();
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private Answer upgradeFrom(String localAddress, String target) {
        try (RawConnection connection = RawConnection.openFrom(base, localAddress)) {
            return connection.send("GET " + target, RawConnection.UPGRADE_HEADERS).answer();
        }
    }

    private URI ws(String pathAndQuery) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + pathAndQuery);
    }
}
