package io.realtime.security.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class TokenRedactingFilterTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";

    @Test
    void redactsQueryTokensJwtsAndBearerHeaders() {
        assertThat(TokenRedactingFilter.redact("GET /ws/assessment/1?token=abc.def&x=1"))
                .isEqualTo("GET /ws/assessment/1?token=[REDACTED]&x=1");
        assertThat(TokenRedactingFilter.redact("claims in " + JWT + " end")).isEqualTo("claims in [REDACTED-JWT] end");
        assertThat(TokenRedactingFilter.redact("Authorization: Bearer abcdefghijklmnopqrstuvwxyz"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
        assertThat(TokenRedactingFilter.redact("nothing secret here")).isEqualTo("nothing secret here");
    }

    @Test
    void rewritesFormattedParametersAndThrowables() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "opening %s", ExtLogRecord.FormatStyle.PRINTF,
                TokenRedactingFilterTest.class.getName());
        record.setParameters(new Object[] { "/ws?token=" + JWT });
        record.setThrown(new IllegalStateException("bad token " + JWT));

        assertThat(new TokenRedactingFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("opening /ws?token=[REDACTED]");
        assertThat(record.getThrown().getMessage()).doesNotContain(JWT).contains("IllegalStateException");
    }
}
