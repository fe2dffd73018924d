package io.realtime.infra.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ReflectionRegistrationTest {

    private static final String FIXTURE = "io.realtime.infra.test.fixture.";
    private final ReflectionRegistration check =
            ReflectionRegistration.of(Path.of("target/test-classes/io/realtime/infra/test/fixture"));

    @Test
    void findsFramesTheirComponentsAndNestedRecordsButNotEnumsOrUnreachedRecords() {
        assertThat(check.serialised()).containsExactlyInAnyOrder(FIXTURE + "protocol.Frame$Hello",
                FIXTURE + "protocol.Frame$Reply", FIXTURE + "model.Payload", FIXTURE + "protocol.Loose",
                FIXTURE + "protocol.Grouped$Inner");
    }

    @Test
    void failsOnUnregisteredRecordsNamingThem() {
        assertThat(check.unregistered()).containsExactly(FIXTURE + "model.Payload", FIXTURE + "protocol.Loose");
        assertThatThrownBy(check::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining(FIXTURE + "model.Payload").hasMessageContaining(FIXTURE + "protocol.Loose");
    }
}
