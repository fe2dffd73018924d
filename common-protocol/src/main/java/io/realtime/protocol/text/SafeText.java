package io.realtime.protocol.text;

/**
 * What client text may hold, decided once at the edge: no NUL (PostgreSQL text cannot store it) and no unpaired
 * UTF-16 surrogate (it cannot be encoded as UTF-8, and would be stored as {@code ?}, making two ids one).
 */
public final class SafeText {

    public static final String RULE = "must not contain NUL characters or unpaired surrogates";

    private SafeText() {
    }

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** CR and LF shown as {@code \r} and {@code \n}, so client text cannot start a forged log line. */
    public static String forLog(String text) {
        return text == null ? null : text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
