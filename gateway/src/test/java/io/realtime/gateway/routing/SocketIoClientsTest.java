package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.infra.test.NodeScripts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The official {@code socket.io-client} 4.8.1 (src/test/js) through the gateway to a service with two instances,
 * several clients at once. Each polling session's requests must reach the instance that opened it: sent round robin,
 * half of them would be answered 400 "Session ID unknown" and the client would drop.
 */
@QuarkusTest
@WithTestResource(SocketIoInstancesResource.class)
class SocketIoClientsTest {

    private static final Path CLIENT_DIR = Path.of("src/test/js");
    private static final int CLIENTS = 6;
    private static final int ROUNDS = 5;

    @TestHTTPResource("/")
    URI base;

    @BeforeAll
    static void installClient() {
        assumeTrue(NodeScripts.available(), "Node.js and npm are needed to run socket.io-client; skipped");
        NodeScripts.install(CLIENT_DIR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "polling", "websocket"})
    void everyClientKeepsItsSessionAndBothInstancesServe(String transports) {
        Map<String, JsonObject> before = stats();

        String output = NodeScripts.run(CLIENT_DIR, List.of("node", "sticky-clients.js", base.toString(), transports,
                Integer.toString(CLIENTS), Integer.toString(ROUNDS)), Duration.ofSeconds(90));
        JsonObject summary = new JsonObject(NodeScripts.lastLine(output));

        assertThat(summary.containsKey("fatal")).as(summary.encode()).isFalse();
        JsonArray clients = summary.getJsonArray("clients");
        assertThat(clients).hasSize(CLIENTS);
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            JsonObject client = clients.getJsonObject(i);
            assertThat(client.getJsonArray("errors")).as(client.encode()).isEmpty();
            assertThat(client.getInteger("echoed")).as(client.encode()).isEqualTo(ROUNDS);
            assertThat(client.getString("instanceAtEnd")).as(client.encode()).isEqualTo(client.getString("instance"));
            assertThat(client.getString("finalTransport")).as(client.encode())
                    .isEqualTo(transports.equals("polling") ? "polling" : "websocket");
            instances.add(client.getString("instance"));
        }
        assertThat(instances).containsExactlyInAnyOrder(SocketIoInstancesResource.FIRST,
                SocketIoInstancesResource.SECOND);

        Map<String, JsonObject> after = stats();
        for (String instance : after.keySet()) {
            assertThat(after.get(instance).getInteger("badRequests"))
                    .as("requests of a session %s did not hold", instance)
                    .isEqualTo(before.get(instance).getInteger("badRequests"));
            if (!transports.equals("websocket")) {
                assertThat(after.get(instance).getInteger("handshakes"))
                        .isGreaterThan(before.get(instance).getInteger("handshakes"));
            }
        }
    }

    /** Each instance's {@code /__stats}, by name. */
    private static Map<String, JsonObject> stats() {
        Map<String, JsonObject> stats = new HashMap<>();
        for (String url : SocketIoInstancesResource.urls()) {
            JsonObject instance = new JsonObject(given().header("Connection", "close")
                    .when().get(url + SocketIoInstancesResource.STATS).then().statusCode(200).extract().asString());
            stats.put(instance.getString("name"), instance);
        }
        return stats;
    }
}
