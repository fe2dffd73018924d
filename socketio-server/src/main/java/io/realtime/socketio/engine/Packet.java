package io.realtime.socketio.engine;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One Engine.IO v4 packet. Text form: the type digit then the data ({@code 4hello}, {@code 2probe}); a binary message
 * in a text channel (a polling payload) is {@code b} + base64 of its bytes; on a websocket it is a binary frame of the
 * bytes alone (no type byte in v4). A polling payload joins encoded packets with the record separator {@code \x1e}.
 */
public record Packet(Type type, String text, byte[] binary) {

    public static final char SEPARATOR = '\u001e';

    public enum Type {
        OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

        char digit() {
            return (char) ('0' + ordinal());
        }
    }

    public static final Packet PING = new Packet(Type.PING, "", null);
    public static final Packet PONG = new Packet(Type.PONG, "", null);
    public static final Packet NOOP = new Packet(Type.NOOP, "", null);
    public static final Packet CLOSE = new Packet(Type.CLOSE, "", null);

    public static Packet of(Type type, String text) {
        return new Packet(type, text == null ? "" : text, null);
    }

    public static Packet message(String text) {
        return new Packet(Type.MESSAGE, text, null);
    }

    public static Packet binary(byte[] data) {
        return new Packet(Type.MESSAGE, null, data);
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** The text form: {@code <digit><data>}, or {@code b<base64>} for binary. */
    public String encode() {
        if (binary != null) {
            return "b" + Base64.getEncoder().encodeToString(binary);
        }
        return type.digit() + text;
    }

    /** Decodes one packet of a text channel; {@link IllegalArgumentException} when it is not one. */
    public static Packet decode(String encoded) {
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("empty packet");
        }
        char first = encoded.charAt(0);
        if (first == 'b') {
            try {
                return binary(Base64.getDecoder().decode(encoded.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid base64 packet", e);
            }
        }
        int index = first - '0';
        if (index < 0 || index >= Type.values().length) {
            throw new IllegalArgumentException("unknown packet type '" + first + "'");
        }
        return new Packet(Type.values()[index], encoded.substring(1), null);
    }

    /** Decodes a polling payload (packets separated by {@code \x1e}). */
    public static List<Packet> decodePayload(String payload) {
        List<Packet> packets = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = payload.indexOf(SEPARATOR, start);
            packets.add(decode(end < 0 ? payload.substring(start) : payload.substring(start, end)));
            if (end < 0) {
                return packets;
            }
            start = end + 1;
        }
    }

    /** Joins already encoded packets into a polling payload. */
    public static String encodePayload(List<String> encoded) {
        return String.join(String.valueOf(SEPARATOR), encoded);
    }
}
