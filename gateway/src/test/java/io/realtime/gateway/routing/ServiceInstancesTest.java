package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Routes naming several instances ({@link SocketIoInstancesResource}): an instance that refuses connections is skipped
 * for a live one, and the readiness check reports every instance.
 */
@QuarkusTest
@WithTestResource(SocketIoInstancesResource.class)
class ServiceInstancesTest {

    @Test
    void anInstanceThatRefusesConnectionsIsSkipped() {
        for (int i = 0; i < 4; i++) { // the dead instance's turn comes every other request
            given().when().get("/api/stream/anything").then().statusCode(404); // the live instance has no such path
            given().when().get("/services/media-stream/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void readinessReportsEachInstance() {
        JsonObject data = new JsonObject(given().when().get("/q/health/ready").then().statusCode(200).extract()
                .asString()).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("services")).findFirst().orElseThrow()
                .getJsonObject("data");
        List<String> docs = urls("project-docs");
        List<String> stream = urls("media-stream");

        assertThat(data.getString("project-docs")).isEqualTo("UP");
        assertThat(data.getString("project-docs@" + docs.get(0))).isEqualTo("UP");
        assertThat(data.getString("project-docs@" + docs.get(1))).isEqualTo("UP");
        assertThat(data.getString("media-stream")).isEqualTo("DEGRADED");
        assertThat(data.getString("media-stream@" + stream.get(0))).isEqualTo("UNREACHABLE");
        assertThat(data.getString("media-stream@" + stream.get(1))).isEqualTo("UP");
    }

    /** The route's instances as {@code host:port}. */
    private static List<String> urls(String service) {
        return List.of(ConfigProvider.getConfig().getValue("gateway.routes." + service + ".url", String.class)
                .split(",")).stream().map(URI::create).map(url -> url.getHost() + ":" + url.getPort()).toList();
    }
}
