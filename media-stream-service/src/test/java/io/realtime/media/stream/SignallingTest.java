package io.realtime.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/**
 * WebRTC signalling through the session: offers to the others, answers and candidates to their target, a relayed
 * answer starts the call ({@code webrtc_connected} to everyone), a hang-up or a peer leaving ends it.
 */
@QuarkusTest
class SignallingTest {

    static final String OFFER_SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
    static final String ANSWER_SDP = "v=0\r\no=- 3 4 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    @TestHTTPResource("/")
    URI base;

    @Test
    void offerAnswerCandidatesAndHangUp() {
        String session = "rtc-" + UUID.randomUUID();
        try (Client caller = Stream.join(base, session); Client callee = Stream.join(base, session);
                Client watcher = Stream.join(base, session)) {
            caller.send(Map.of("type", "webrtc_offer", "sdp", OFFER_SDP, "session_id", session));
            for (Client other : List.of(callee, watcher)) {
                JsonNode offer = other.next();
                assertThat(offer.get("type").asText()).isEqualTo("webrtc_offer");
                assertThat(offer.get("sdp").asText()).isEqualTo(OFFER_SDP);
                assertThat(offer.get("from").asText()).isEqualTo(caller.id());
                assertThat(offer.get("session_id").asText()).isEqualTo(session);
                assertThat(offer.has("target")).isFalse();
            }
            caller.expectSilence(Duration.ofMillis(300)); // not echoed to the sender

            callee.send(Map.of("type", "webrtc_answer", "sdp", ANSWER_SDP, "target", caller.id()));
            JsonNode answer = caller.next();
            assertThat(answer.get("type").asText()).isEqualTo("webrtc_answer");
            assertThat(answer.get("sdp").asText()).isEqualTo(ANSWER_SDP);
            assertThat(answer.get("from").asText()).isEqualTo(callee.id());
            assertThat(answer.get("target").asText()).isEqualTo(caller.id());
            for (Client client : List.of(caller, callee, watcher)) {
                JsonNode connected = client.next();
                assertThat(connected.get("type").asText()).as(connected.toString()).isEqualTo("webrtc_connected");
                assertThat(connected.get("session_id").asText()).isEqualTo(session);
                assertThat(connected.get("peers")).extracting(JsonNode::asText).containsExactly(caller.id(),
                        callee.id());
            }

            Map<String, Object> candidate = Map.of("candidate", "candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host",
                    "sdpMid", "0", "sdpMLineIndex", 0);
            caller.send(Map.of("type", "webrtc_ice_candidate", "candidate", candidate, "target", callee.id()));
            JsonNode ice = callee.next();
            assertThat(ice.get("type").asText()).isEqualTo("webrtc_ice_candidate");
            assertThat(ice.get("candidate")).isEqualTo(Stream.JSON.valueToTree(candidate));
            assertThat(ice.get("from").asText()).isEqualTo(caller.id());
            watcher.expectSilence(Duration.ofMillis(300)); // meant for the callee only

            callee.send(Map.of("type", "webrtc_hangup"));
            for (Client client : List.of(caller, callee, watcher)) {
                JsonNode ended = client.next();
                assertThat(ended.get("type").asText()).isEqualTo("webrtc_disconnected");
                assertThat(ended.get("reason").asText()).isEqualTo("hangup");
                assertThat(ended.get("peers")).extracting(JsonNode::asText).containsExactlyInAnyOrder(caller.id(),
                        callee.id());
            }
            caller.send(Map.of("type", "webrtc_hangup"));
            assertThat(caller.next().get("message").asText()).isEqualTo("Not in a call: nothing to hang up");
        }
    }

    @Test
    void aPeerWhoseSocketClosesEndsTheCall() {
        String session = "rtc-" + UUID.randomUUID();
        try (Client caller = Stream.join(base, session)) {
            Client callee = Stream.join(base, session);
            caller.send(Map.of("type", "webrtc_offer", "sdp", OFFER_SDP));
            callee.next();
            callee.send(Map.of("type", "webrtc_answer", "sdp", ANSWER_SDP, "target", caller.id()));
            assertThat(caller.next().get("type").asText()).isEqualTo("webrtc_answer");
            assertThat(caller.next().get("type").asText()).isEqualTo("webrtc_connected");
            assertThat(callee.nextOfType("webrtc_connected").get("peers")).hasSize(2);
            callee.close();
            JsonNode ended = caller.next();
            assertThat(ended.get("type").asText()).isEqualTo("webrtc_disconnected");
            assertThat(ended.get("reason").asText()).isEqualTo("peer_left");
            assertThat(ended.get("peers")).extracting(JsonNode::asText).containsExactlyInAnyOrder(caller.id(),
                    callee.id());
        }
    }

    @Test
    void signalsWithoutTheirFieldsAreRefused() {
        try (Client client = Stream.join(base, "rtc-" + UUID.randomUUID())) {
            client.send(Map.of("type", "webrtc_offer"));
            assertThat(client.next().get("message").asText())
                    .isEqualTo("Missing required field 'sdp' for 'webrtc_offer'");
            client.send(Map.of("type", "webrtc_answer", "sdp", ANSWER_SDP));
            assertThat(client.next().get("message").asText()).isEqualTo(
                    "Missing required field 'target' for 'webrtc_answer': the client id the offer came from");
            client.send(Map.of("type", "webrtc_ice_candidate", "target", "someone"));
            assertThat(client.next().get("message").asText()).isEqualTo(
                    "Missing required field 'candidate' for 'webrtc_ice_candidate'");
            client.send(Map.of("type", "webrtc_offer", "sdp", OFFER_SDP, "target", client.id()));
            assertThat(client.next().get("message").asText()).isEqualTo("A client cannot signal itself");
        }
    }
}
