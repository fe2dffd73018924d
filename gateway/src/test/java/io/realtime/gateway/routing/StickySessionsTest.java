package io.realtime.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Engine.IO polling through the gateway, request by request, to a service with two instances: a session's requests
 * reach the instance that issued its {@code sid}, learnt from the handshake's answer or, on a gateway that did not
 * see the handshake, from the affinity cookie; an unknown {@code sid} gets the service's own 400.
 */
@QuarkusTest
@WithTestResource(SocketIoInstancesResource.class)
class StickySessionsTest {

    private static final String POLLING = "/socket.io/?EIO=4&transport=polling";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aSessionsRequestsReachTheInstanceThatOpenedIt() throws Exception {
        Set<String> holders = new HashSet<>();
        for (int session = 0; session < 4; session++) {
            HttpResponse<String> handshake = get(base, POLLING);
            assertThat(handshake.statusCode()).isEqualTo(200);
            String holder = connectAndAskWhere(sidOf(handshake.body()), List.of());
            assertThat(handshake.headers().firstValue("set-cookie").orElseThrow()).isEqualToIgnoringCase(
                    "realtime-affinity=" + instance(holder).affinityKey() + "; Path=/socket.io/; HttpOnly; SameSite=Lax");
            holders.add(holder);
        }
        // new sessions take turns
        assertThat(holders).containsExactlyInAnyOrder(SocketIoInstancesResource.FIRST, SocketIoInstancesResource.SECOND);
    }

    @Test
    void theCookieRoutesASessionThisGatewayNeverSawOpen() throws Exception {
        // as if another gateway replica had seen the handshake: it goes to the second instance directly
        URI second = URI.create(SocketIoInstancesResource.urls().get(1));
        String sid = sidOf(get(second, POLLING).body());
        List<String> cookie = List.of("Cookie", "realtime-affinity=" + instance(SocketIoInstancesResource.SECOND)
                .affinityKey());

        assertThat(connectAndAskWhere(sid, cookie)).isEqualTo(SocketIoInstancesResource.SECOND);
    }

    @Test
    void aBrowsersNextHandshakesFollowItsCookie() throws Exception {
        List<String> cookie = List.of("Cookie", "realtime-affinity=" + instance(SocketIoInstancesResource.FIRST)
                .affinityKey());
        for (int session = 0; session < 4; session++) {
            HttpResponse<String> handshake = get(base, POLLING, cookie);
            assertThat(handshake.headers().firstValue("set-cookie").orElseThrow())
                    .startsWith("realtime-affinity=" + instance(SocketIoInstancesResource.FIRST).affinityKey() + ";");
            assertThat(connectAndAskWhere(sidOf(handshake.body()), List.of()))
                    .isEqualTo(SocketIoInstancesResource.FIRST);
        }
    }

    @Test
    void anUnknownSidGetsTheServicesOwnAnswer() throws Exception {
        HttpResponse<String> answer = get(base, POLLING + "&sid=nobody-has-this");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(new JsonObject(answer.body())).isEqualTo(new JsonObject().put("code", 1)
                .put("message", "Session ID unknown"));
    }

    /**
     * Connects the session to the namespace {@code /} and asks, three times, which instance serves it: a request
     * reaching the other instance would get 400.
     */
    private String connectAndAskWhere(String sid, List<String> headers) throws Exception {
        String session = POLLING + "&sid=" + sid;
        assertThat(post(session, "40", headers).body()).isEqualTo("ok");
        assertThat(get(base, session, headers).body()).startsWith("40{\"sid\":");
        String where = null;
        for (int ack = 1; ack <= 3; ack++) {
            assertThat(post(session, "42" + ack + "[\"where\"]", headers).body()).isEqualTo("ok");
            HttpResponse<String> answer = get(base, session, headers);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            String name = new JsonArray(answer.body().substring(("43" + ack).length()))
                    .getString(0);
            assertThat(where == null || where.equals(name)).as("same instance each time").isTrue();
            where = name;
        }
        assertThat(post(session, "1", headers).statusCode()).isEqualTo(200); // closes the session
        return where;
    }

    private static String sidOf(String openPacket) {
        assertThat(openPacket).startsWith("0{");
        return new JsonObject(openPacket.substring(1)).getString("sid");
    }

    private static Instance instance(String name) {
        String url = SocketIoInstancesResource.urls().get(name.equals(SocketIoInstancesResource.FIRST) ? 0 : 1);
        return Instance.of("project-docs", URI.create(url));
    }

    private static HttpResponse<String> get(URI server, String pathAndQuery) throws Exception {
        return get(server, pathAndQuery, List.of());
    }

    private static HttpResponse<String> get(URI server, String pathAndQuery, List<String> headers) throws Exception {
        return send(request(server, pathAndQuery, headers).GET());
    }

    private HttpResponse<String> post(String pathAndQuery, String body, List<String> headers) throws Exception {
        return send(request(base, pathAndQuery, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(URI server, String pathAndQuery, List<String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        return headers.isEmpty() ? request : request.headers(headers.toArray(String[]::new));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
