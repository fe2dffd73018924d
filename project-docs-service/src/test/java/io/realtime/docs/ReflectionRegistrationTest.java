package io.realtime.docs;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.realtime.infra.test.ReflectionRegistration;

/** Native readiness on every build: every class Jackson reads or writes here is registered for reflection. */
class ReflectionRegistrationTest {

    @Test
    void everySerialisedClassIsRegistered() {
        ReflectionRegistration.assertRegistered(Path.of(""));
    }
}
