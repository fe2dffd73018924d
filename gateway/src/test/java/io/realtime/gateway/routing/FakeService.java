package io.realtime.gateway.routing;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** What a fake service of {@link FakeServicesResource} tells on its own port (not through the gateway). */
final class FakeService {

    private FakeService() {
    }

    static String url(String service) {
        return ConfigProvider.getConfig().getValue("gateway.routes." + service + ".url", String.class);
    }

    /** TCP connections open to the service now, not counting the one asking. */
    static int connections(String service) {
        return count(service, FakeServicesResource.CONNECTIONS) - 1;
    }

    /** Requests and handshakes the service holds unanswered now. */
    static int held(String service) {
        return count(service, FakeServicesResource.HELD_COUNT);
    }

    static void release(String service) {
        given().header("Connection", "close").when().post(url(service) + FakeServicesResource.RELEASE)
                .then().statusCode(200);
    }

    /** Every request URI the services received, as {@code "<service> <uri>"}. */
    static List<String> received() {
        return given().header("Connection", "close").when().get(url("assessment") + FakeServicesResource.RECEIVED)
                .then().statusCode(200).extract().jsonPath().getList("$", String.class);
    }

    private static int count(String service, String path) {
        return Integer.parseInt(given().header("Connection", "close").when().get(url(service) + path)
                .then().statusCode(200).extract().asString());
    }
}
