package io.realtime.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLayoutTest {

    @TempDir
    Path root;

    private void source(String pkg, String type, String... imports) throws IOException {
        Path dir = root.resolve(pkg.replace('.', '/'));
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("package " + pkg + ";\n\n");
        for (String imported : imports) {
            text.append("import ").append(imported).append(";\n");
        }
        text.append("\nclass ").append(type).append(" {\n}\n");
        Files.writeString(dir.resolve(type + ".java"), text);
    }

    @Test
    void theServicesLayoutPasses() throws IOException {
        source("x.chat.endpoint", "ChatSocket", "x.chat.service.ChatService", "x.connection.Registry");
        source("x.chat.service", "ChatService", "x.chat.messaging.Events", "java.util.List");
        source("x.chat.messaging", "Events", "x.protocol.Event");
        source("x.connection", "Registry", "x.protocol.Event");
        assertThat(ServiceLayout.violations(root, "x")).isEmpty();
    }

    @Test
    void aServiceUsingDeliveryOrAnEndpointIsReportedNestedAndStaticImportsIncluded() throws IOException {
        source("x.chat.service", "ChatService", "x.connection.Live.Outgoing", "static x.chat.endpoint.Socket.KEY");
        source("x.connection", "Registry", "x.chat.service.ChatService");
        assertThat(ServiceLayout.violations(root, "x")).containsExactlyInAnyOrder(
                "ChatService.java uses delivery (x.connection)",
                "ChatService.java uses an endpoint (x.chat.endpoint)",
                "Registry.java (delivery) uses behaviour (x.chat.service)",
                "cycle: x.chat.service -> x.connection -> x.chat.service",
                "cycle: x.connection -> x.chat.service -> x.connection");
    }

    @Test
    void aCycleThroughThreePackagesIsReported() throws IOException {
        source("x.a", "A", "x.b.B");
        source("x.b", "B", "x.c.C");
        source("x.c", "C", "x.a.A");
        assertThat(ServiceLayout.violations(root, "x")).contains("cycle: x.a -> x.b -> x.c -> x.a");
    }
}
