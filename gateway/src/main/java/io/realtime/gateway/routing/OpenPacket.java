package io.realtime.gateway.routing;

import java.util.Optional;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The answer to an Engine.IO v4 polling handshake: the open packet, {@code 0} then JSON with the session's
 * {@code sid}, maybe followed by more packets after the {@code \x1e} separator.
 */
final class OpenPacket {

    private static final char SEPARATOR = '\u001e';

    private OpenPacket() {
    }

    /** The session id the handshake answer opened, if it is an open packet. */
    static Optional<String> sid(Buffer body) {
        String payload = body.toString();
        if (!payload.startsWith("0{")) {
            return Optional.empty();
        }
        int end = payload.indexOf(SEPARATOR);
        try {
            Object sid = new JsonObject(payload.substring(1, end < 0 ? payload.length() : end)).getValue("sid");
            return sid instanceof String text && !text.isEmpty() ? Optional.of(text) : Optional.empty();
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }
}
