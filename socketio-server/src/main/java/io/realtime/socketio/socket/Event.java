package io.realtime.socketio.socket;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event a client emitted: its name, its arguments (binary ones as {@code BinaryNode}s), and its acknowledgement
 * callback when the client asked for one ({@code null} otherwise).
 */
public record Event(String name, List<JsonNode> args, Ack ack) {

    public boolean wantsAck() {
        return ack != null;
    }

    /** The first argument, or a missing node when there is none. */
    public JsonNode arg() {
        return args.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : args.get(0);
    }
}
