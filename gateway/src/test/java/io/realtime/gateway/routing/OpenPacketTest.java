package io.realtime.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class OpenPacketTest {

    @Test
    void theOpenPacketGivesTheSid() {
        assertThat(OpenPacket.sid(Buffer.buffer(
                "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000}")))
                .hasValue("lv_VI97HAXpY6yYWAAAC");
        assertThat(OpenPacket.sid(Buffer.buffer("0{\"sid\":\"abc\"}\u001e2"))).hasValue("abc");
    }

    @Test
    void anythingElseGivesNone() {
        assertThat(OpenPacket.sid(Buffer.buffer("40{\"sid\":\"abc\"}"))).isEmpty();
        assertThat(OpenPacket.sid(Buffer.buffer("0{\"sid\":42}"))).isEmpty();
        assertThat(OpenPacket.sid(Buffer.buffer("0{\"sid\":"))).isEmpty();
        assertThat(OpenPacket.sid(Buffer.buffer("ok"))).isEmpty();
    }
}
