package io.realtime.docs.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.docs.connection.SocketIo;
import io.realtime.docs.support.Projects;
import io.realtime.infra.test.TestSocket;
import io.realtime.infra.token.DevTokens;
import io.realtime.socketio.socket.Namespace;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Our Socket.IO server inside Quarkus, on the raw protocol: the Router mount at /socket.io/ (polling handshake, the
 * protocol's 400 bodies), the websocket limits raised to maxPayload, CONNECT with {@code auth}, and the one-room rule
 * seen from the server's rooms.
 */
@QuarkusTest
class SocketIoMountTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Pool pool;

    @Inject
    SocketIo io;

    @Test
    void pollingHandshakeAnnouncesTheConfiguredOptions() {
        given().get(base + "socket.io/?EIO=4&transport=polling").then()
                .statusCode(200)
                .body(startsWith("0{"))
                .body(containsString("\"upgrades\":[\"websocket\"]"))
                .body(containsString("\"pingInterval\":25000"))
                .body(containsString("\"pingTimeout\":20000"))
                .body(containsString("\"maxPayload\":1000000"));
    }

    @Test
    void badHandshakesGetTheProtocolsJsonErrors() {
        given().get(base + "socket.io/?EIO=3&transport=polling").then()
                .statusCode(400).contentType("application/json")
                .body("code", equalTo(5)).body("message", equalTo("Unsupported protocol version"));
        given().get(base + "socket.io/?EIO=4&transport=carrier-pigeon").then()
                .statusCode(400).body("code", equalTo(0)).body("message", equalTo("Transport unknown"));
        given().get(base + "socket.io/?EIO=4&transport=polling&sid=nope").then()
                .statusCode(400).body("code", equalTo(1)).body("message", equalTo("Session ID unknown"));
    }

    @Test
    void switchingProjectsLeavesThePreviousRoomAndDisconnectingLeavesAll() {
        long first = Projects.create(pool, "First", "carol");
        long second = Projects.create(pool, "Second", "dave", "carol");
        Namespace root = io.server().namespace("/");
        try (TestSocket socket = TestSocket.connect(ws())) {
            assertThat(socket.next()).startsWith("0{");
            socket.send("40{\"token\":\"" + DevTokens.token("carol") + "\"}");
            assertThat(socket.next()).startsWith("40{\"sid\":");
            assertThat(socket.next()).startsWith("42[\"connection_status\",{\"status\":\"connected\"");

            socket.send("42[\"join_project\",{\"project_id\":" + first + "}]");
            assertThat(socket.next()).isEqualTo("42[\"project_joined\",{\"project_id\":" + first + "}]");
            assertThat(root.room("project_" + first)).hasSize(1);

            socket.send("42[\"join_project\",{\"project_id\":" + second + "}]");
            assertThat(socket.next()).isEqualTo("42[\"project_joined\",{\"project_id\":" + second + "}]");
            assertThat(root.room("project_" + first)).isEmpty();
            assertThat(root.room("project_" + second)).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> root.room("project_" + second).isEmpty());
    }

    @Test
    void rapidJoinsAreAnsweredInOrderAndTheLastOneWins() {
        long[] projects = new long[5];
        for (int i = 0; i < projects.length; i++) {
            projects[i] = Projects.create(pool, "Rapid " + i, "gus");
        }
        Namespace root = io.server().namespace("/");
        try (TestSocket socket = TestSocket.connect(ws())) {
            socket.next();
            socket.send("40{\"token\":\"" + DevTokens.token("gus") + "\"}");
            socket.next();
            socket.next();
            for (long project : projects) {
                socket.send("42[\"join_project\",{\"project_id\":" + project + "}]");
            }
            socket.send("42[\"leave_project\",{\"project_id\":" + projects[4] + "}]");
            socket.send("42[\"join_project\",{\"project_id\":" + projects[2] + "}]");
            for (long project : projects) {
                assertThat(socket.next()).isEqualTo("42[\"project_joined\",{\"project_id\":" + project + "}]");
            }
            assertThat(socket.next()).isEqualTo("42[\"project_left\",{\"project_id\":" + projects[4] + "}]");
            assertThat(socket.next()).isEqualTo("42[\"project_joined\",{\"project_id\":" + projects[2] + "}]");
            for (int i = 0; i < projects.length; i++) {
                assertThat(root.room("project_" + projects[i])).hasSize(i == 2 ? 1 : 0);
            }
        }
    }

    @Test
    void aMessageNearMaxPayloadPassesTheWebsocketLimits() {
        try (TestSocket socket = TestSocket.connect(ws())) {
            socket.next();
            socket.send("40{\"token\":\"" + DevTokens.token("erin") + "\"}");
            socket.next();
            socket.next();
            // 900 kB: over Vert.x's default 64 KiB frame / 256 KiB message, under maxPayload (1,000,000)
            socket.send("42[\"ping\",\"" + "x".repeat(900_000) + "\"]");
            assertThat(socket.next()).startsWith("42[\"pong\",{\"timestamp\":");
            assertThat(socket.isClosed()).isFalse();

            // over maxPayload: Vert.x closes the websocket with 1009
            socket.send("42[\"ping\",\"" + "x".repeat(1_100_000) + "\"]");
            assertThat(socket.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void aConnectWithoutTokenIsRefusedAndTheSessionStaysOpen() {
        try (TestSocket socket = TestSocket.connect(ws())) {
            socket.next();
            socket.send("40");
            assertThat(socket.next()).isEqualTo("44{\"message\":\"Authentication required: connect with auth: "
                    + "{token: '<JWT>'}\",\"data\":{\"code\":\"AUTH_REQUIRED\"}}");
            socket.send("40{\"token\":\"" + DevTokens.forUser("frank").expiredFor(Duration.ofHours(1)).sign() + "\"}");
            assertThat(socket.next()).isEqualTo("44{\"message\":\"Invalid or expired token\","
                    + "\"data\":{\"code\":\"AUTH_FAILED\"}}");
        }
    }

    private URI ws() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "socket.io/?EIO=4&transport=websocket");
    }
}
