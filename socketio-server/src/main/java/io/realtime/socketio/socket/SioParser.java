package io.realtime.socketio.socket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.realtime.socketio.engine.Packet;

/**
 * Encodes and decodes Socket.IO v5 packets the way the reference parser does, including the binary variants: a
 * {@code BINARY_EVENT}/{@code BINARY_ACK} carries {@code {"_placeholder":true,"num":i}} where the i-th binary value
 * was, and its attachments follow as binary Engine.IO messages.
 */
final class SioParser {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SioParser() {
    }

    /** The first part of a packet: its header decoded, its JSON still holding placeholders. */
    record Header(SioPacket packet, int attachments) {
    }

    /** Decodes the text part; {@link IllegalArgumentException} for anything the reference parser refuses. */
    static Header decode(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty packet");
        }
        int type = text.charAt(0) - '0';
        if (type < SioPacket.CONNECT || type > SioPacket.BINARY_ACK) {
            throw new IllegalArgumentException("unknown packet type");
        }
        int i = 1;
        int attachments = 0;
        if (type == SioPacket.BINARY_EVENT || type == SioPacket.BINARY_ACK) {
            int start = i;
            while (i < text.length() && text.charAt(i) != '-') {
                if (!Character.isDigit(text.charAt(i))) {
                    throw new IllegalArgumentException("illegal attachments");
                }
                i++;
            }
            if (i == start || i >= text.length()) {
                throw new IllegalArgumentException("illegal attachments");
            }
            attachments = Integer.parseInt(text.substring(start, i));
            i++;
        }
        String namespace = "/";
        if (i < text.length() && text.charAt(i) == '/') {
            int end = text.indexOf(',', i);
            if (end < 0) {
                namespace = text.substring(i);
                i = text.length();
            } else {
                namespace = text.substring(i, end);
                i = end + 1;
            }
        }
        Long id = null;
        int idStart = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > idStart) {
            try {
                id = Long.parseLong(text.substring(idStart, i));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("illegal id");
            }
        }
        JsonNode data = null;
        if (i < text.length()) {
            try {
                data = JSON.readTree(text.substring(i));
            } catch (IOException e) {
                throw new IllegalArgumentException("invalid payload");
            }
        }
        if (!validPayload(type, data)) {
            throw new IllegalArgumentException("invalid payload");
        }
        return new Header(new SioPacket(type, namespace, id, data), attachments);
    }

    private static boolean validPayload(int type, JsonNode data) {
        return switch (type) {
            case SioPacket.CONNECT -> data == null || data.isObject();
            case SioPacket.DISCONNECT -> data == null;
            case SioPacket.CONNECT_ERROR -> data != null && (data.isObject() || data.isTextual());
            case SioPacket.EVENT, SioPacket.BINARY_EVENT -> data != null && data.isArray() && data.size() > 0
                    && (data.get(0).isTextual() || data.get(0).isNumber());
            case SioPacket.ACK, SioPacket.BINARY_ACK -> data != null && data.isArray();
            default -> false;
        };
    }

    /** Puts the attachments where their placeholders are. */
    static JsonNode reconstruct(JsonNode node, List<byte[]> attachments) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            if (node.path("_placeholder").asBoolean(false) && node.path("num").isInt()) {
                int num = node.get("num").asInt();
                if (num < 0 || num >= attachments.size()) {
                    throw new IllegalArgumentException("illegal attachment");
                }
                return BinaryNode.valueOf(attachments.get(num));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), reconstruct(field.getValue(), attachments));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                copy.add(reconstruct(element, attachments));
            }
            return copy;
        }
        return node;
    }

    /** The Engine.IO messages of a packet: its text, then each attachment (binary values become placeholders). */
    static List<Packet> encode(SioPacket packet) {
        List<byte[]> attachments = new ArrayList<>();
        JsonNode data = packet.data() == null ? null : deconstruct(packet.data(), attachments);
        int type = packet.type();
        if (!attachments.isEmpty()) {
            if (type == SioPacket.EVENT) {
                type = SioPacket.BINARY_EVENT;
            } else if (type == SioPacket.ACK) {
                type = SioPacket.BINARY_ACK;
            }
        }
        StringBuilder text = new StringBuilder().append(type);
        if (type == SioPacket.BINARY_EVENT || type == SioPacket.BINARY_ACK) {
            text.append(attachments.size()).append('-');
        }
        if (!"/".equals(packet.namespace())) {
            text.append(packet.namespace()).append(',');
        }
        if (packet.id() != null) {
            text.append(packet.id());
        }
        if (data != null) {
            try {
                text.append(JSON.writeValueAsString(data));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        List<Packet> out = new ArrayList<>(1 + attachments.size());
        out.add(Packet.message(text.toString()));
        for (byte[] attachment : attachments) {
            out.add(Packet.binary(attachment));
        }
        return out;
    }

    private static JsonNode deconstruct(JsonNode node, List<byte[]> attachments) {
        if (node.isBinary()) {
            ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", attachments.size());
            attachments.add(((BinaryNode) node).binaryValue());
            return placeholder;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), deconstruct(field.getValue(), attachments));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                copy.add(deconstruct(element, attachments));
            }
            return copy;
        }
        return node;
    }
}
