package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.TestSocket;
import io.vertx.core.json.JsonObject;

@QuarkusTest
@WithTestResource(FakeServicesResource.class)
class ServiceProxyTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void webSocketUpgradeReachesTheServiceThatOwnsThePath() {
        try (TestSocket socket = TestSocket.connect(ws("/ws/assessment/42?token=abc"))) {
            JsonObject hello = new JsonObject(socket.next());
            assertThat(hello.getString("service")).isEqualTo("assessment");
            assertThat(hello.getString("path")).isEqualTo("/ws/assessment/42");
            assertThat(hello.getString("query")).isEqualTo("token=abc");
            assertThat(socket.send("ping").next()).isEqualTo("echo:ping");
        }
        try (TestSocket socket = TestSocket.connect(ws("/ws?token=xyz"))) {
            JsonObject hello = new JsonObject(socket.next());
            assertThat(hello.getString("service")).isEqualTo("messaging");
            assertThat(hello.getString("path")).isEqualTo("/ws");
        }
    }

    @Test
    void subprotocolAndCloseCodePassThrough() {
        try (TestSocket socket = TestSocket.connect(ws("/ws"), "bearer-token-carrier", "the.jwt.value")) {
            JsonObject hello = new JsonObject(socket.next());
            assertThat(hello.getString("protocolHeader")).isEqualTo("[bearer-token-carrier, the.jwt.value]");
            socket.send("close-me");
            TestSocket.Close close = socket.awaitClose();
            assertThat(close.code()).isEqualTo(4009);
            assertThat(close.reason()).isEqualTo("replaced");
        }
    }

    @Test
    void restCallReachesTheRightServiceWithBodyAndQuery() {
        given().body("{\"name\":\"quiz\"}").contentType("application/json")
                .when().post("/api/assessment/tests?x=1")
                .then().statusCode(200)
                .body("service", equalTo("assessment"))
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/assessment/tests?x=1"))
                .body("body", equalTo("{\"name\":\"quiz\"}"))
                .body("forwardedHost", startsWith("localhost:"));
        given().when().get("/api/conversations/c1/messages")
                .then().statusCode(200).body("service", equalTo("messaging"));
    }

    @Test
    void servicesAreReachableUnderTheirNameWithThePrefixRemoved() {
        given().when().get("/services/messaging/q/health?full=1")
                .then().statusCode(200)
                .body("service", equalTo("messaging"))
                .body("uri", equalTo("/q/health?full=1"));
    }

    @Test
    void serviceThatIsNotRunningAnswers502() {
        given().when().get("/api/chats/sessions/").then().statusCode(502);
    }

    @Test
    void unroutedPathsStayWithTheGateway() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/nowhere").then().statusCode(404);
        given().when().get("/ws/other").then().statusCode(404);
    }

    @Test
    void readinessReportsEachService() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services' }.data.chat", equalTo("UNREACHABLE"))
                .body("checks.find { it.name == 'services' }.status", equalTo("UP"));
    }

    private URI ws(String pathAndQuery) {
        return URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/$", "") + pathAndQuery);
    }
}
