package io.realtime.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one normalisation of a request path the gateway routes on and forwards, so that a service receives exactly the
 * path that was authorised (and cannot be tricked into a different one by its own normalisation):
 * <ol>
 * <li>the raw path must start with {@code /} and hold only the characters RFC 3986 allows in a path, minus {@code ;}
 * (no path parameters): letters, digits, {@code -._~!$&'()*+,=:@/} and well-formed {@code %XX} escapes;</li>
 * <li>an escaped unreserved character ({@code %41}, {@code %2e}, {@code %7E}...) is decoded; any other escape is kept,
 * upper-cased, except an escaped {@code /}, {@code \}, {@code ;} or control character, and the double-escaped
 * {@code %252e}, {@code %252f}, {@code %255c}, which are refused;</li>
 * <li>empty segments ({@code //}) are dropped, then the dot segments are removed (RFC 3986 section 5.2.4).</li>
 * </ol>
 * The result contains no {@code .} or {@code ..} segment, no {@code //} and no escaped unreserved character, so Vert.x
 * and Quarkus leave it as it is.
 */
public final class RequestPath {

    private static final String HEX = "0123456789ABCDEF";

    private RequestPath() {
    }

    /** @return the normalised path, or empty when the path must be refused with 400 */
    public static Optional<String> normalise(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        String decoded = decodeUnreserved(rawPath);
        return decoded == null ? Optional.empty() : Optional.of(removeDotSegments(decoded));
    }

    private static String decodeUnreserved(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (!isAllowedRaw(c)) {
                    return null;
                }
                out.append(c);
                continue;
            }
            int value = hexPair(raw, i + 1);
            if (value < 0 || isForbiddenEscaped(value)) {
                return null;
            }
            if (value == '%' && isForbiddenDoubleEscape(hexPair(raw, i + 3))) {
                return null;
            }
            if (isUnreserved((char) value)) {
                out.append((char) value);
            } else {
                out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
            }
            i += 2;
        }
        return out.toString();
    }

    private static String removeDotSegments(String path) {
        String[] segments = path.substring(1).split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        boolean trailingSlash = false;
        for (String segment : segments) {
            switch (segment) {
                case "" -> trailingSlash = true;
                case "." -> trailingSlash = true;
                case ".." -> {
                    if (!kept.isEmpty()) {
                        kept.remove(kept.size() - 1);
                    }
                    trailingSlash = true;
                }
                default -> {
                    kept.add(segment);
                    trailingSlash = false;
                }
            }
        }
        if (kept.isEmpty()) {
            return "/";
        }
        return "/" + String.join("/", kept) + (trailingSlash ? "/" : "");
    }

    /** @return the byte the two hex digits at {@code index} stand for, or -1 when there are no two hex digits there */
    private static int hexPair(String raw, int index) {
        if (index + 1 >= raw.length()) {
            return -1;
        }
        int high = hexDigit(raw.charAt(index));
        int low = hexDigit(raw.charAt(index + 1));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean isForbiddenEscaped(int value) {
        return value == '/' || value == '\\' || value == ';' || value < 0x20 || value == 0x7F;
    }

    private static boolean isForbiddenDoubleEscape(int value) {
        return value == '.' || isForbiddenEscaped(value);
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** RFC 3986 pchar and '/', without ';': no controls, spaces, backslashes, non-ASCII, '#', '?' or path params. */
    private static boolean isAllowedRaw(char c) {
        return isUnreserved(c) || c == '/' || c == ':' || c == '@'
                || c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+'
                || c == ',' || c == '=';
    }
}
