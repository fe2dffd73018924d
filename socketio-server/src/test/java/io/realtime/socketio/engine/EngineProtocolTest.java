package io.realtime.socketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.socketio.support.TestServer;
import io.realtime.socketio.support.Ws;

/**
 * The Engine.IO v4 cases of the protocol's test suite (and a few more: error bodies, maxPayload, CORS), against the
 * raw echo endpoint of the conformance set-up (ping 300 ms / 200 ms).
 */
class EngineProtocolTest {

    private static final String EIO = "/engine.io/?EIO=4&transport=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String openPolling() throws Exception {
        HttpResponse<String> response = server.get(EIO + "polling");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body().substring(1)).get("sid").asText();
    }

    private static String session(String sid) {
        return EIO + "polling&sid=" + sid;
    }

    @Test
    void pollingHandshakeAnnouncesTheSessionAndItsSettings() throws Exception {
        HttpResponse<String> response = server.get(EIO + "polling");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
        assertThat(response.body()).startsWith("0");
        JsonNode open = JSON.readTree(response.body().substring(1));
        assertThat(open.fieldNames()).toIterable().containsExactlyInAnyOrder("sid", "upgrades", "pingInterval",
                "pingTimeout", "maxPayload");
        assertThat(open.get("sid").isTextual()).isTrue();
        assertThat(open.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
        assertThat(open.get("pingInterval").asInt()).isEqualTo(300);
        assertThat(open.get("pingTimeout").asInt()).isEqualTo(200);
        assertThat(open.get("maxPayload").asInt()).isEqualTo(1_000_000);
    }

    @Test
    void badRequestsGetHttp400WithTheProtocolsJsonBodies() throws Exception {
        assertError(server.get("/engine.io/?transport=polling"), 5, "Unsupported protocol version");
        assertError(server.get("/engine.io/?EIO=abc&transport=polling"), 5, "Unsupported protocol version");
        assertError(server.get("/engine.io/?EIO=4"), 0, "Transport unknown");
        assertError(server.get("/engine.io/?EIO=4&transport=abc"), 0, "Transport unknown");
        assertError(server.post(EIO + "polling", "4hello"), 2, "Bad handshake method");
        assertError(server.send(HttpRequest.newBuilder(server.uri(EIO + "polling"))
                .PUT(HttpRequest.BodyPublishers.ofString("x"))), 2, "Bad handshake method");
        assertError(server.get(session("nope")), 1, "Session ID unknown");
        assertError(server.get(EIO + "websocket"), 3, "Bad request"); // websocket transport without an upgrade
    }

    private static void assertError(HttpResponse<String> response, int code, String message) throws Exception {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asInt()).isEqualTo(code);
        assertThat(body.get("message").asText()).isEqualTo(message);
    }

    @Test
    void pollingCarriesBatchedTextAndBinaryPackets() throws Exception {
        String sid = openPolling();

        HttpResponse<String> push = server.post(session(sid), "4hello\u001ebAQIDBA==\u001e4test3");
        assertThat(push.statusCode()).isEqualTo(200);
        assertThat(push.body()).isEqualTo("ok");

        assertThat(server.get(session(sid)).body()).isEqualTo("4hello\u001ebAQIDBA==\u001e4test3");
    }

    @Test
    void anInvalidPacketClosesThePollingSession() throws Exception {
        String sid = openPolling();

        assertThat(server.post(session(sid), "abc").statusCode()).isEqualTo(400);
        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void overlappingPollsCloseTheSession() throws Exception {
        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> first = server.getAsync(session(sid));
        Thread.sleep(50);

        assertThat(server.get(session(sid) + "&t=burst").statusCode()).isEqualTo(400);
        assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("1");
        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void aCancelledPollClosesTheSession() throws Exception {
        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> poll = server.getAsync(session(sid));
        Thread.sleep(50);
        poll.cancel(true); // java.net.http does not abort the exchange on cancel: close via a fresh client instead
        try (java.net.Socket raw = new java.net.Socket("localhost", server.port)) {
            raw.getOutputStream().write(("GET " + session(sid) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes());
            raw.getOutputStream().flush();
            Thread.sleep(50);
        } // the raw connection closes with its poll pending
        Thread.sleep(100);

        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void theServerPingsOverPollingAndAPongKeepsTheSession() throws Exception {
        String sid = openPolling();
        for (int i = 0; i < 3; i++) {
            assertThat(server.get(session(sid)).body()).isEqualTo("2");
            assertThat(server.post(session(sid), "3").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSilentPollingClientIsClosedAfterPingIntervalPlusTimeout() throws Exception {
        String sid = openPolling();
        Thread.sleep(300 + 200 + 50);

        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void aClosePacketEndsTheWaitingPollWithANoop() throws Exception {
        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> poll = server.getAsync(session(sid));
        Thread.sleep(50);

        assertThat(server.post(session(sid), "1").statusCode()).isEqualTo(200);
        assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void aPostOverMaxPayloadIsRefusedWith413AndClosesTheSession() throws Exception {
        String sid = openPolling();

        assertThat(server.post(session(sid), "4" + "x".repeat(1_000_000)).statusCode()).isEqualTo(413);
        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400);
    }

    @Test
    void pollingAnswersCorsAndPreflight() throws Exception {
        HttpResponse<String> handshake = server.send(HttpRequest.newBuilder(server.uri(EIO + "polling"))
                .header("Origin", "http://app.example").GET());
        assertThat(handshake.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

        HttpResponse<String> preflight = server.send(HttpRequest.newBuilder(server.uri(EIO + "polling"))
                .header("Origin", "http://app.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("content-type");
    }

    @Test
    void websocketHandshakeEchoAndHeartbeat() throws Exception {
        Ws ws = server.connect(EIO + "websocket");
        JsonNode open = JSON.readTree(((String) ws.next()).substring(1));
        assertThat(open.get("upgrades").toString()).isEqualTo("[]");
        assertThat(open.get("pingInterval").asInt()).isEqualTo(300);

        ws.send("4hello");
        assertThat(ws.nextText()).isEqualTo("4hello");
        ws.send(new byte[] {1, 2, 3, 4});
        Object binary = ws.next();
        while ("2".equals(binary)) {
            binary = ws.next();
        }
        assertThat((byte[]) binary).containsExactly(1, 2, 3, 4);
        for (int i = 0; i < 3; i++) {
            assertThat(ws.next()).isEqualTo("2");
            ws.send("3");
        }
        ws.close();
    }

    @Test
    void aWebsocketMessageOverMaxPayloadClosesTheConnection() {
        Ws ws = server.connect(EIO + "websocket");
        assertThat((String) ws.next()).startsWith("0");
        ws.send("4" + "x".repeat(1_100_000)); // the server's websocket message limit is maxPayload (1,000,000)
        Object next = ws.next();
        while ("2".equals(next)) {
            next = ws.next();
        }
        assertThat(next).isEqualTo(Ws.CLOSED);
    }

    @Test
    void aSilentWebsocketClientIsClosed() {
        Ws ws = server.connect(EIO + "websocket");
        assertThat((String) ws.next()).startsWith("0");
        assertThat(ws.next()).isEqualTo("2");
        assertThat(ws.next()).isEqualTo(Ws.CLOSED);
    }

    @Test
    void websocketClosesOnAnInvalidPacketAndOnAClosePacket() {
        Ws invalid = server.connect(EIO + "websocket");
        invalid.next();
        invalid.send("abc");
        assertThat(invalid.nextText()).isEqualTo(Ws.CLOSED);

        Ws closing = server.connect(EIO + "websocket");
        closing.next();
        closing.send("1");
        assertThat(closing.nextText()).isEqualTo(Ws.CLOSED);
    }

    @Test
    void websocketRefusesBadHandshakes() {
        assertThat(server.connect("/engine.io/?transport=websocket").next()).isEqualTo(Ws.CLOSED);
        assertThat(server.connect("/engine.io/?EIO=4&transport=abc").next()).isEqualTo(Ws.CLOSED);
        assertThat(server.connect(EIO + "websocket&sid=unknown").next()).isEqualTo(Ws.CLOSED);
    }

    @Test
    void upgradesFromPollingToWebsocket() throws Exception {
        String sid = openPolling();
        Ws ws = server.connect(EIO + "websocket&sid=" + sid);
        ws.send("2probe");
        assertThat(ws.next()).isEqualTo("3probe");

        assertThat(server.get(session(sid)).body()).isEqualTo("6"); // polling paused with a noop
        ws.send("5");
        ws.send("4hello");
        assertThat(ws.nextText()).isEqualTo("4hello");

        assertThat(server.get(session(sid)).statusCode()).isEqualTo(400); // polling is over for this session
        assertThat(server.connect(EIO + "websocket&sid=" + sid).next()).isEqualTo(Ws.CLOSED);
        ws.send("4still");
        assertThat(ws.nextText()).isEqualTo("4still");
    }

    @Test
    void aWaitingPollEndsWithANoopWhenTheProbeArrives() throws Exception {
        String sid = openPolling();
        CompletableFuture<HttpResponse<String>> poll = server.getAsync(session(sid));
        Thread.sleep(50);
        Ws ws = server.connect(EIO + "websocket&sid=" + sid);
        ws.send("2probe");

        assertThat(ws.next()).isEqualTo("3probe");
        assertThat(poll.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
    }
}
