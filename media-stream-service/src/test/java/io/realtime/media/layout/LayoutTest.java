package io.realtime.media.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.realtime.infra.test.ServiceLayout;

class LayoutTest {

    @Test
    void folderArrowsPointOneWay() {
        assertThat(ServiceLayout.violations(Path.of("src/main/java"), "io.realtime.media")).isEmpty();
    }
}
