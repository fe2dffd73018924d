package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.gateway.routing.RawConnection.Answer;
import io.vertx.core.json.JsonObject;

/**
 * Only the route table's API paths and each service's health are reachable through the gateway; the request path is
 * normalised once, routed on, and forwarded as such, so none of the usual path tricks reaches a service's {@code /q/}.
 * The raw requests go through a plain socket ({@link RawConnection}), so that no client normalises or re-encodes
 * them on the way.
 */
@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ExposedPathsTest {

    private static final List<String> MANAGEMENT_PATHS = List.of("/q/metrics", "/q/metrics/application",
            "/q/dev-ui", "/q/dev-ui/", "/q/dev", "/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html",
            "/q/openapi", "/q/openapi?format=json", "/q/info", "/q", "/q/", "/", "", "/api/assessment/tests");

    private static final List<String> HEALTH_PATHS = List.of("/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started");

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void forgetWhatTheServicesReceived() {
        given().when().delete(fakeService() + FakeServicesResource.RECEIVED).then().statusCode(200);
    }

    @Test
    void managementEndpointsOfServicesAre404AndNeverReachTheService() {
        for (String service : List.of("assessment", "messaging", "chat", "unknown")) {
            for (String path : MANAGEMENT_PATHS) {
                given().when().get("/services/" + service + path).then().statusCode(404);
                given().when().post("/services/" + service + path).then().statusCode(404);
            }
        }
        given().when().get("/services/").then().statusCode(404);
        given().when().get("/services").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/openapi").then().statusCode(404);
        assertThat(received()).isEmpty();
    }

    @Test
    void eachServiceHealthAndItsSubPathsStillReachTheService() {
        for (String service : List.of("assessment", "messaging")) {
            for (String path : HEALTH_PATHS) {
                given().when().get("/services/" + service + path).then().statusCode(200)
                        .body("service", equalTo(service))
                        .body("uri", equalTo(path))
                        .body("forwardedHost", startsWith("localhost:"));
                given().when().head("/services/" + service + path).then().statusCode(200);
            }
        }
        given().when().get("/services/messaging/q/health/ready?full=1").then().statusCode(200)
                .body("uri", equalTo("/q/health/ready?full=1"));
        given().when().get("/services/chat/q/health/ready").then().statusCode(502);
        given().when().get("/services/unknown/q/health").then().statusCode(404);

        assertThat(received()).containsExactlyInAnyOrder(
                "assessment /q/health", "assessment /q/health/live", "assessment /q/health/ready",
                "assessment /q/health/started",
                "assessment /q/health", "assessment /q/health/live", "assessment /q/health/ready",
                "assessment /q/health/started",
                "messaging /q/health", "messaging /q/health/live", "messaging /q/health/ready",
                "messaging /q/health/started",
                "messaging /q/health", "messaging /q/health/live", "messaging /q/health/ready",
                "messaging /q/health/started",
                "messaging /q/health/ready?full=1");
    }

    @Test
    void healthIsReadOnlyAndExact() {
        given().when().post("/services/assessment/q/health").then().statusCode(405).header("Allow", "GET, HEAD");
        given().when().delete("/services/assessment/q/health/ready").then().statusCode(405);
        for (String path : List.of("/q/health/", "/q/health/live/", "/q/health/other", "/q/health/live/x",
                "/q/health-ui", "/q/healthy", "/q/health/group/x", "/q/health/wellness")) {
            given().when().get("/services/assessment" + path).then().statusCode(404);
        }
        assertThat(received()).isEmpty();
    }

    @Test
    void pathTricksAreRefusedAndNeverReachTheService() {
        Map<String, Integer> attempts = new TreeMap<>();
        // encoded slashes and backslashes, double encoding, path parameters, control characters, broken escapes
        for (String target : List.of("/api/assessment/..%2f..%2fq/metrics", "/api/assessment/..%2F..%2Fq/metrics",
                "/api/assessment/%2e%2e%2f%2e%2e%2fq/metrics", "/api/assessment/..%5c..%5cq/metrics",
                "/api/assessment/..%5C..%5Cq/metrics", "/api/assessment/..\\..\\q/metrics",
                "/api/assessment/%252e%252e/%252e%252e/q/metrics", "/api/assessment/..%252f..%252fq/metrics",
                "/api/assessment/..;/..;/q/metrics", "/api/assessment/%2e%2e;/%2e%2e;/q/metrics",
                "/api/assessment/..%3b/..%3b/q/metrics", "/api/assessment/tests;x=1",
                "/services/assessment/q/health/..%2fmetrics", "/services/assessment/q/health%2f..%2fmetrics",
                "/services/assessment/q/health;/../metrics", "/services/assessment/q/health/..;/metrics",
                "/services/assessment/q/metrics;jsessionid=x", "/services/assessment/q/health;x=1",
                "/services/assessment/q/health/%00/../../metrics", "/api/assessment/x%0d%0a",
                "/api/assessment/x%7f", "/api/assessment/%zz", "/api/assessment/%", "/api/assessment/%2",
                "/api/assessment/%u002e%u002e/%u002e%u002e/q/metrics", "/api/assessment/\u00e9",
                "/api/assessment/a#/../../q/metrics", "/api/assessment/{x}", "/api/assessment/a|b")) {
            attempts.put(target, 400);
        }
        // dot segments (plain, encoded, mixed case), double slashes, trailing dots, encoded letters
        for (String target : List.of("/api/assessment/../../q/metrics", "/api/assessment/%2e%2e/%2e%2e/q/metrics",
                "/api/assessment/%2E%2E/%2E%2E/q/metrics", "/api/assessment/.%2e/%2E./q/metrics",
                "/api/assessment//../../q/metrics", "/api/assessment/./../../q/dev-ui",
                "/api/assessment/../../services/assessment/q/metrics", "/api/conversations/../../q/openapi",
                "/api/conversations/%2e%2e/%2e%2e/q/swagger-ui", "/ws/../q/metrics", "/socket.io/../q/metrics",
                "/services/assessment/q/health/../metrics", "/services/assessment/q/health/%2e%2e/metrics",
                "/services/assessment/q/health/%2E%2E/dev-ui", "/services/assessment/q/health/ready/../../openapi",
                "/services/assessment/q/health/./../swagger-ui", "/services/assessment//q/metrics",
                "//services/assessment/q/metrics", "/services//assessment/q/metrics",
                "/services/assessment/./q/metrics", "/services/assessment/q/metrics/.",
                "/services/assessment/q/metrics.", "/services/assessment./q/metrics",
                "/services/assessment/q/health/.", "/services/assessment/q/health/..",
                "/services/assessment/q/health/ready/..", "/services/assessment/q/health/ready.",
                "/services/assessment/q/health/ready/.", "/services/assessment/q/health/...",
                "/q/health/../../services/assessment/q/metrics", "/services/%61ssessment/q/metrics",
                "/services/assessment/%71/metrics", "/services/assessment/q/%6detrics",
                "http://localhost/services/assessment/q/metrics", "/q/metrics", "/q/dev-ui")) {
            attempts.put(target, 404);
        }
        Map<String, Integer> answered = new TreeMap<>();
        attempts.keySet().forEach(target -> answered.put(target, request("GET " + target).status()));
        assertThat(answered).isEqualTo(attempts);
        assertThat(received()).isEmpty();
    }

    @Test
    void dotSegmentsCanOnlyReachTheGatewaysOwnHealth() {
        Answer live = request("GET /api/assessment/../../q/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(new JsonObject(live.body()).getString("status")).isEqualTo("UP");
        assertThat(received()).isEmpty();
    }

    @Test
    void webSocketUpgradesGetTheSameRules() {
        Map<String, Integer> attempts = new TreeMap<>(Map.of(
                "/ws/assessment/../../q/metrics", 404,
                "/ws/assessment/%2e%2e/%2e%2e/q/dev-ui", 404,
                "/ws/assessment/../../services/assessment/q/metrics", 404,
                "/services/assessment/q/metrics", 404,
                "/services/assessment/q/health/../metrics", 404,
                "/ws/assessment/..%2f..%2fq/metrics", 400,
                "/ws/assessment/..;/..;/q/metrics", 400,
                "/ws/assessment/42/..\\..\\..\\q/metrics", 400,
                "/ws/assessment/%252e%252e/%252e%252e/q/metrics", 400));
        Map<String, Integer> answered = new TreeMap<>();
        attempts.keySet().forEach(target -> answered.put(target, upgrade(target).status()));
        assertThat(answered).isEqualTo(attempts);
        assertThat(received()).isEmpty();
    }

    @Test
    void webSocketUpgradeIsForwardedWithTheNormalisedPath() {
        Answer upgraded = upgrade("/ws/assessment/./7/../%34%32?token=a%2e/..");
        assertThat(upgraded.status()).isEqualTo(101);
        JsonObject hello = new JsonObject(upgraded.body());
        assertThat(hello.getString("service")).isEqualTo("assessment");
        assertThat(hello.getString("path")).isEqualTo("/ws/assessment/42");
        assertThat(hello.getString("query")).isEqualTo("token=a%2e/..");
        assertThat(hello.getString("forwardedHost")).startsWith("localhost:");

        JsonObject messaging = new JsonObject(upgrade("/ws/assessment/../../ws?token=xyz").body());
        assertThat(messaging.getString("service")).isEqualTo("messaging");
        assertThat(messaging.getString("path")).isEqualTo("/ws");

        assertThat(received()).containsExactly("assessment /ws/assessment/42?token=a%2e/..",
                "messaging /ws?token=xyz");
    }

    @Test
    void apiPathsWithDotsAreForwardedNormalised() {
        Map<String, String> forwarded = new TreeMap<>();
        for (String target : List.of("/api/assessment/tests/./x/../y?x=1&b=%2e%2e/..",
                "/api/assessment//tests", "/api/assessment/%7euser/%41%62", "/api/assessment/a%20b/%3a/%c3%a9",
                "/api/assessment/x/../../conversations/c1", "/api/conversations/c1/%2E%2E/c2/messages",
                "/api/conversations/x/..", "/services/%61ssessment/q/health/./ready",
                "/services/messaging/q/health/live/../started")) {
            Answer response = request("GET " + target);
            assertThat(response.status()).as(target).isEqualTo(200);
            JsonObject echo = new JsonObject(response.body());
            forwarded.put(target, echo.getString("service") + " " + echo.getString("uri"));
        }
        assertThat(forwarded).isEqualTo(new TreeMap<>(Map.of(
                "/api/assessment/tests/./x/../y?x=1&b=%2e%2e/..", "assessment /api/assessment/tests/y?x=1&b=%2e%2e/..",
                "/api/assessment//tests", "assessment /api/assessment/tests",
                "/api/assessment/%7euser/%41%62", "assessment /api/assessment/~user/Ab",
                "/api/assessment/a%20b/%3a/%c3%a9", "assessment /api/assessment/a%20b/%3A/%C3%A9",
                "/api/assessment/x/../../conversations/c1", "messaging /api/conversations/c1",
                "/api/conversations/c1/%2E%2E/c2/messages", "messaging /api/conversations/c2/messages",
                "/api/conversations/x/..", "messaging /api/conversations/",
                "/services/%61ssessment/q/health/./ready", "assessment /q/health/ready",
                "/services/messaging/q/health/live/../started", "messaging /q/health/started")));
        assertThat(received()).containsExactlyInAnyOrderElementsOf(forwarded.values());

        given().urlEncodingEnabled(false).body("{\"name\":\"quiz\"}").contentType("application/json")
                .when().post("/api/assessment/%2E/tests?x=1")
                .then().statusCode(200)
                .body("uri", equalTo("/api/assessment/tests?x=1"))
                .body("body", equalTo("{\"name\":\"quiz\"}"));
    }

    private Answer request(String requestLine) {
        return RawConnection.exchange(base, requestLine, "Connection: close");
    }

    @Test
    void refusedUpgradesDoNotLeaveConnectionsToTheServiceOpen() {
        int before = connectionsToTheService();
        for (int i = 0; i < 20; i++) { // no Sec-WebSocket-Key: the service refuses the handshake
            Answer refused = exchange("GET /ws/assessment/" + i, "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Version: 13");
            assertThat(refused.status()).isBetween(400, 599);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(connectionsToTheService()).isLessThanOrEqualTo(before + 1));
    }

    private int connectionsToTheService() {
        return Integer.parseInt(given().header("Connection", "close").when()
                .get(fakeService() + FakeServicesResource.CONNECTIONS).then().statusCode(200).extract().asString());
    }

    /** A WebSocket handshake for {@code target}; on 101 the body is the first text frame the service sent. */
    private Answer upgrade(String target) {
        return RawConnection.exchange(base, "GET " + target, RawConnection.UPGRADE_HEADERS);
    }

    private Answer exchange(String requestLine, String... headerLines) {
        return RawConnection.exchange(base, requestLine, headerLines);
    }

    private List<String> received() {
        return new ArrayList<>(given().when().get(fakeService() + FakeServicesResource.RECEIVED)
                .then().statusCode(200).extract().jsonPath().getList("$", String.class));
    }

    private static String fakeService() {
        return ConfigProvider.getConfig().getValue("gateway.routes.assessment.url", String.class);
    }
}
