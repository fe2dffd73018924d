package io.realtime.assessment.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.realtime.assessment.support.QuizClient;
import io.realtime.assessment.support.QuizFixtures;
import io.realtime.infra.token.DevTokens;

/** The server pings; a peer that never answers (dead, or a client that stopped reading) is closed with 1001. */
@QuarkusTest
@TestProfile(SilentPeerTest.QuickPings.class)
class SilentPeerTest {

    public static class QuickPings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "500ms",
                    "realtime.socket.dead-after", "2s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void aPeerThatNeverAnswersPingsIsClosedWith1001AndAnAnsweringOneStays() throws Exception {
        long testId = QuizFixtures.createTest(QuizFixtures.TestSpec.open(2), 1);
        try (QuizClient answering = QuizClient.authenticated(base, testId, "8101");
                Socket silent = new Socket(base.getHost(), base.getPort())) {
            silent.setSoTimeout(15_000);
            handshake(silent, "/ws/assessment/" + testId + "?token=" + DevTokens.token("8102"));
            List<Integer> opcodes = new ArrayList<>();
            int closeCode = readUntilClose(new DataInputStream(silent.getInputStream()), opcodes);
            assertThat(opcodes).contains(0x9); // pinged, never answered
            assertThat(closeCode).isEqualTo(1001);

            answering.send("heartbeat"); // its client answered every ping by itself
            answering.expect("pong");
        }
    }

    private static void handshake(Socket socket, String path) throws IOException {
        String key = Base64.getEncoder().encodeToString("silent-peer-key!".getBytes(StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new EOFException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
    }

    /** Reads server frames (unmasked) until a close frame; returns its code. */
    private static int readUntilClose(DataInputStream in, List<Integer> opcodes) throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = first & 0x0f;
            opcodes.add(opcode);
            if (opcode == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
            }
        }
    }
}
