package io.realtime.protocol.codec;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.error.ProtocolError;
import io.realtime.protocol.text.SafeText;

/**
 * Decodes a text frame into one record of a sealed message family, chosen by the frame's {@code type} field.
 * Every failure (oversize, not JSON, not an object, no type, unknown type, missing or mistyped field) becomes a
 * {@link DecodeResult.Failure} with a code, never an exception, so an endpoint can always answer and carry on.
 *
 * @param <T> the sealed interface of the protocol direction being decoded
 */
public final class TypedMessageDecoder<T> {

    private final ObjectMapper mapper;
    private final Map<String, Class<? extends T>> types;
    private final String payloadField;
    private final int maxChars;

    private TypedMessageDecoder(ObjectMapper mapper, Map<String, Class<? extends T>> types, String payloadField,
            int maxChars) {
        this.mapper = mapper.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.types = Map.copyOf(types);
        this.payloadField = payloadField;
        this.maxChars = maxChars;
    }

    /** Frames whose fields sit beside {@code type} (messaging, chat). */
    public static <T> TypedMessageDecoder<T> flat(ObjectMapper mapper, Map<String, Class<? extends T>> types,
            int maxChars) {
        return new TypedMessageDecoder<>(mapper, types, null, maxChars);
    }

    /** Frames whose fields sit in an object named {@code payloadField} (assessment's {@code data}). */
    public static <T> TypedMessageDecoder<T> enveloped(ObjectMapper mapper, Map<String, Class<? extends T>> types,
            String payloadField, int maxChars) {
        return new TypedMessageDecoder<>(mapper, types, payloadField, maxChars);
    }

    public DecodeResult<T> decode(String text) {
        if (text == null || text.isBlank()) {
            return failure(ErrorCode.INVALID_JSON, "Empty message", null);
        }
        if (text.length() > maxChars) {
            return failure(ErrorCode.MESSAGE_TOO_LARGE, "Message exceeds " + maxChars + " characters", null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return failure(ErrorCode.INVALID_JSON, "Invalid JSON format", null);
        }
        if (root == null || !root.isObject()) {
            return failure(ErrorCode.INVALID_JSON, "Message must be a JSON object", null);
        }
        JsonNode typeNode = root.get("type");
        if (typeNode == null || !typeNode.isTextual() || typeNode.asText().isBlank()) {
            return failure(ErrorCode.VALIDATION_ERROR, "Missing required field 'type'", null);
        }
        String type = typeNode.asText();
        Class<? extends T> target = types.get(type);
        if (target == null) {
            return failure(ErrorCode.UNKNOWN_MESSAGE_TYPE, "Unknown message type: " + abbreviate(type), type);
        }
        String unsafe = unsafeField(root, null);
        if (unsafe != null) {
            return failure(ErrorCode.VALIDATION_ERROR, "Field '" + abbreviate(unsafe) + "' " + SafeText.RULE,
                    type);
        }
        JsonNode payload = root;
        if (payloadField != null) {
            payload = root.get(payloadField);
            if (payload == null || payload.isNull()) {
                payload = JsonNodeFactory.instance.objectNode();
            } else if (!payload.isObject()) {
                return failure(ErrorCode.VALIDATION_ERROR, "Field '" + payloadField + "' must be an object", type);
            }
        }
        try {
            return new DecodeResult.Success<>(mapper.treeToValue(payload, target), type);
        } catch (MismatchedInputException e) {
            return failure(ErrorCode.VALIDATION_ERROR, describe(e), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return failure(ErrorCode.VALIDATION_ERROR, "Invalid fields for '" + type + "'", type);
        }
    }

    /** The first field (by path) whose name or text breaks {@link SafeText}, or null. */
    private static String unsafeField(JsonNode node, String path) {
        if (node.isTextual()) {
            return SafeText.isSafe(node.textValue()) ? null : path;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = unsafeField(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!SafeText.isSafe(field.getKey())) {
                    return "(a field name)";
                }
                String found = unsafeField(field.getValue(),
                        path == null ? field.getKey() : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String describe(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> a + "." + b)
                .orElse(null);
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing required creator property")) {
            int start = message.indexOf('\'');
            int end = message.indexOf('\'', start + 1);
            if (start >= 0 && end > start) {
                return "Missing required field '" + message.substring(start + 1, end) + "'";
            }
        }
        return path == null ? "Invalid message fields" : "Invalid value for field '" + path + "'";
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "...";
    }

    private DecodeResult<T> failure(ErrorCode code, String message, String type) {
        return new DecodeResult.Failure<>(ProtocolError.of(code, message), type);
    }
}
