package io.realtime.socketio.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.socketio.support.TestServer;
import io.realtime.socketio.support.Ws;

/** The Socket.IO v5 cases of the protocol's test suite, on websocket frames, against the conformance set-up. */
class SocketIoProtocolTest {

    private static final String SIO = "/socket.io/?EIO=4&transport=websocket";
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

    /** Engine.IO open, CONNECT to the main namespace, its answer and the {@code auth} echo. */
    private static Ws connected() {
        return connection().ws();
    }

    private record Connection(Ws ws, Socket socket) {
    }

    private static Connection connection() {
        Ws ws = server.connect(SIO);
        assertThat((String) ws.next()).startsWith("0");
        ws.send("40");
        String answer = ws.nextText();
        assertThat(answer).startsWith("40{\"sid\":");
        assertThat(ws.nextText()).isEqualTo("42[\"auth\",{}]");
        String sid;
        try {
            sid = JSON.readTree(answer.substring(2)).get("sid").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Socket socket = server.socketIo.namespace("/").sockets().stream().filter(s -> s.id().equals(sid)).findFirst()
                .orElseThrow();
        return new Connection(ws, socket);
    }

    @Test
    void connectsToTheMainNamespaceWithAndWithoutAuth() throws Exception {
        Ws ws = server.connect(SIO);
        ws.next();
        ws.send("40{\"token\":\"123\"}");
        String answer = ws.nextText();
        assertThat(answer).startsWith("40");
        JsonNode handshake = JSON.readTree(answer.substring(2));
        assertThat(handshake.fieldNames()).toIterable().containsExactly("sid");
        assertThat(ws.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");

        connected().close();
    }

    @Test
    void connectsToACustomNamespace() throws Exception {
        Ws ws = server.connect(SIO);
        ws.next();
        ws.send("40/custom,{\"token\":\"abc\"}");
        String answer = ws.nextText();
        assertThat(answer).startsWith("40/custom,");
        assertThat(JSON.readTree(answer.substring(10)).has("sid")).isTrue();
        assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
    }

    @Test
    void refusesAnUnknownNamespace() {
        Ws ws = server.connect(SIO);
        ws.next();
        ws.send("40/random");
        assertThat(ws.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void closesOnAnInvalidHandshakeAndWhenNoHandshakeComes() {
        Ws invalid = server.connect(SIO);
        invalid.next();
        invalid.send("4abc");
        assertThat(invalid.nextText()).isEqualTo(Ws.CLOSED);

        Ws silent = server.connect(SIO); // connectTimeout 1 s, pings answered meanwhile
        silent.next();
        long start = System.nanoTime();
        Object frame;
        while ((frame = silent.next()).equals("2")) {
            silent.send("3");
        }
        assertThat(frame).isEqualTo(Ws.CLOSED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(800),
                Duration.ofMillis(3000));
    }

    @Test
    void disconnectingFromANamespaceKeepsTheSession() {
        Ws ws = connected();
        ws.send("41");
        assertThat(ws.next()).isEqualTo("2"); // the session lives on: next comes the server's ping

        Ws both = connected();
        both.send("40/custom");
        assertThat(both.nextText()).startsWith("40/custom,");
        assertThat(both.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
        both.send("41/custom");
        both.send("42[\"message\",\"message to main namespace\"]");
        assertThat(both.nextText()).isEqualTo("42[\"message-back\",\"message to main namespace\"]");
    }

    @Test
    void eventsAndAcks() {
        Ws ws = connected();
        ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
        assertThat(ws.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");

        ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        assertThat(ws.nextText()).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
    }

    @Test
    void binaryAttachmentsBothWays() {
        Ws ws = connected();
        ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        ws.send(new byte[] {1, 2, 3});
        ws.send(new byte[] {4, 5, 6});
        assertThat(ws.nextText()).isEqualTo(
                "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat((byte[]) ws.next()).containsExactly(1, 2, 3);
        assertThat((byte[]) ws.next()).containsExactly(4, 5, 6);

        ws.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        ws.send(new byte[] {1, 2, 3});
        ws.send(new byte[] {4, 5, 6});
        assertThat(ws.nextText()).isEqualTo(
                "462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat((byte[]) ws.next()).containsExactly(1, 2, 3);
        assertThat((byte[]) ws.next()).containsExactly(4, 5, 6);
    }

    @Test
    void invalidFormatsCloseTheConnection() {
        for (String invalid : List.of("4abc", "42{}", "42abc[\"message-with-ack\",1]", "452-[\"message\"]X")) {
            Ws ws = connected();
            ws.send(invalid);
            assertThat(ws.nextText()).as(invalid).isEqualTo(Ws.CLOSED);
        }
    }

    @Test
    void theServerAsksForAnAckAndGetsTheClientsAnswer() throws Exception {
        Connection connection = connection();
        Ws ws = connection.ws();
        Socket socket = connection.socket();
        var answer = socket.emitWithAck("question", Duration.ofSeconds(5), "what", new byte[] {9}).toCompletableFuture();

        String packet = ws.nextText();
        assertThat(packet).matches("451-\\d+\\[\"question\",\"what\",\\{\"_placeholder\":true,\"num\":0}]");
        assertThat((byte[]) ws.next()).containsExactly(9);
        String id = packet.substring(4, packet.indexOf('['));
        ws.send("43" + id + "[\"yes\",42]");

        assertThat(answer.get(5, TimeUnit.SECONDS)).extracting(JsonNode::toString).containsExactly("\"yes\"", "42");
    }

    @Test
    void roomsReceiveBroadcastsAndMembersLeaveOnDisconnect() {
        Connection a = connection();
        Connection b = connection();
        Connection outside = connection();
        a.socket().join("project_1");
        b.socket().join("project_1");

        server.socketIo.namespace("/").emitTo("project_1", "news", "hello", new byte[] {7});
        for (Ws member : List.of(a.ws(), b.ws())) {
            assertThat(member.nextText()).isEqualTo("451-[\"news\",\"hello\",{\"_placeholder\":true,\"num\":0}]");
            assertThat((byte[]) member.next()).containsExactly(7);
        }
        outside.ws().send("42[\"message\",\"x\"]");
        assertThat(outside.ws().nextText()).isEqualTo("42[\"message-back\",\"x\"]"); // nothing of the room came first

        b.ws().send("41");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> server.socketIo.namespace("/").room("project_1").equals(java.util.Set.of(a.socket())));
        a.socket().leave("project_1");
        assertThat(server.socketIo.namespace("/").room("project_1")).isEmpty();
    }
}
