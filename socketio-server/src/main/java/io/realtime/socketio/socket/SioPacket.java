package io.realtime.socketio.socket;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Socket.IO v5 packet, attachments already in place (binary values are {@code BinaryNode}s in {@code data}).
 * Wire form: {@code <type>[<#attachments>-][<namespace>,][<ack id>][JSON]}.
 */
record SioPacket(int type, String namespace, Long id, JsonNode data) {

    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;
}
