package io.realtime.security.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Last line of defence for "tokens never appear in logs": whatever a library logs (a request URI with
 * {@code ?token=}, an {@code Authorization} header, a JWT in an exception message) is redacted before any handler
 * writes it. Enabled for console and file handlers in common-security's configuration.
 */
@LoggingFilter(name = "token-redaction")
public final class TokenRedactingFilter implements Filter {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)((?:access_)?token=)[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer(?:-token-carrier,)?\\s*)[A-Za-z0-9._~+/=-]{16,}");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = formatted(record);
        if (message != null) {
            String redacted = redact(message);
            if (!redacted.equals(message)) {
                if (record instanceof ExtLogRecord ext) {
                    ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                } else {
                    record.setMessage(redacted);
                }
                record.setParameters(null);
            }
        }
        Throwable thrown = record.getThrown();
        if (thrown != null && containsSecret(thrown)) {
            record.setThrown(new RedactedThrowable(thrown));
        }
        return true;
    }

    public static String redact(String text) {
        String out = JWT.matcher(text).replaceAll("[REDACTED-JWT]");
        out = TOKEN_PARAM.matcher(out).replaceAll("$1[REDACTED]");
        return BEARER.matcher(out).replaceAll("$1[REDACTED]");
    }

    private static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getMessage();
    }

    private static boolean containsSecret(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !redact(message).equals(message)) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the stack trace and class names of a throwable whose messages held a secret. */
    private static final class RedactedThrowable extends RuntimeException {

        RedactedThrowable(Throwable original) {
            super(original.getClass().getName() + ": " + redact(String.valueOf(original.getMessage())),
                    original.getCause() == null ? null : new RedactedThrowable(original.getCause()),
                    false, true);
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
