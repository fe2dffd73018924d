package io.realtime.media.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.test.TestSocket;
import io.realtime.media.support.Stream;
import io.realtime.media.support.Stream.Client;

/**
 * Two packaged instances, each its own JVM, against one PostgreSQL and one Kafka: a session's clients on different
 * instances chat, signal and start a call as if on one server; status counts both; a disconnect closes both.
 */
class TwoInstancesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Process> instances = new ArrayList<>();
    private static URI a;
    private static URI b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        EmbeddedInfra.postgres().ensureDatabase("media");
        a = start("a");
        b = start("b");
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(Process::destroy);
    }

    @Test
    void aSessionSpansInstances() throws Exception {
        String session = "cluster-" + UUID.randomUUID();
        try (Client alice = Stream.join(a, session); Client bob = Stream.join(b, session)) {
            assertThat(bob.established().get("clients").asInt()).isEqualTo(2); // counted across instances
            alice.send(Map.of("type", "chat", "message", "from a"));
            bob.send(Map.of("type", "chat", "message", "from b"));
            for (Client client : List.of(alice, bob)) {
                List<String> seen = List.of(client.nextOfType("chat_message").get("message").asText(),
                        client.nextOfType("chat_message").get("message").asText());
                assertThat(seen).containsExactlyInAnyOrder("from a", "from b");
            }

            alice.send(Map.of("type", "webrtc_offer", "sdp", "v=0\r\n"));
            JsonNode offer = bob.nextOfType("webrtc_offer");
            assertThat(offer.get("from").asText()).isEqualTo(alice.id());
            bob.send(Map.of("type", "webrtc_answer", "sdp", "v=0\r\n", "target", offer.get("from").asText()));
            assertThat(alice.nextOfType("webrtc_answer").get("from").asText()).isEqualTo(bob.id());
            for (Client client : List.of(alice, bob)) {
                assertThat(client.nextOfType("webrtc_connected").get("peers")).extracting(JsonNode::asText)
                        .containsExactly(alice.id(), bob.id());
            }

            JsonNode status = Stream.json(get(a.resolve("/api/stream/status/" + session)).body());
            assertThat(status.get("connection_count").asInt()).isEqualTo(2);
            assertThat(status.at("/media/chat_messages").asLong()).isEqualTo(2);

            HttpResponse<String> disconnected = HTTP.send(HttpRequest.newBuilder(
                    b.resolve("/api/stream/disconnect/" + session)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(disconnected.statusCode()).isEqualTo(200);
            for (Client client : List.of(alice, bob)) {
                TestSocket.Close close = client.socket().awaitClose();
                assertThat(close.code()).isEqualTo(1000);
                assertThat(close.reason()).isEqualTo("Session disconnected");
            }
        }
    }

    private static URI start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "instance-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", System.getProperty("quarkus.app.jar"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("PORT", Integer.toString(port));
        env.put("DB_REACTIVE_URL", EmbeddedInfra.postgres().reactiveUrl("media"));
        env.put("DB_JDBC_URL", EmbeddedInfra.postgres().jdbcUrl("media"));
        env.put("KAFKA_BOOTSTRAP_SERVERS", EmbeddedInfra.kafka().bootstrapServers());
        env.put("JWT_PUBLIC_KEY_LOCATION", "file:" + System.getProperty("jwt.public.key"));
        env.put("STREAM_AUTH_REQUIRED", "false");
        instances.add(builder.start());
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(base.resolve("/q/health/ready")).statusCode() == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + name + " did not start:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
