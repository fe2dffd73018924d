package io.realtime.messaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.infra.ai.OpenAiFake;
import io.realtime.infra.postgres.PostgresServer;
import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.test.PackagedInstance;
import io.realtime.infra.token.DevTokens;
import io.realtime.messaging.support.ChatClient;

/**
 * Two instances of the packaged service, each its own JVM, against one PostgreSQL and one Kafka: what a participant
 * on one instance does reaches the participants on the other, in the same order.
 */
class TwoInstancesIT {

    private static final List<PackagedInstance> instances = new ArrayList<>();
    private static URI a;
    private static URI b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        PostgresServer postgres = EmbeddedInfra.postgres();
        postgres.ensureDatabase("messaging");
        OpenAiFake.reset();
        OpenAiFake.stream(List.of("Hi", " from", " the assistant"));
        a = start("a", System.getProperty("quarkus.app.jar"));
        b = start("b", System.getProperty("quarkus.app.jar"));
    }

    private static URI start(String name, String jar) throws Exception {
        PackagedInstance instance = PackagedInstance.start(name, jar, "messaging", "256m", Map.of("OPENAI_API_KEY", "test-key", "OPENAI_BASE_URL", OpenAiFake.baseUrl()));
        instances.add(instance);
        return instance.base();
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(PackagedInstance::close);
    }

    @Test
    void messagesTypingAndStreamsCrossInstancesInOneOrder() throws Exception {
        String plain = createConversation(a, "ann", false, "bob");
        String withAssistant = createConversation(b, "bob", true, "ann");
        try (ChatClient ann = ChatClient.connect(a, "ann"); ChatClient bob = ChatClient.connect(b, "bob")) {
            for (int i = 0; i < 3; i++) {
                ann.sendMessage("x-ann-" + i, plain, "ann " + i);
                bob.sendMessage("x-bob-" + i, plain, "bob " + i);
            }
            List<String> annSaw = receives(ann, 6);
            List<String> bobSaw = receives(bob, 6);
            assertThat(annSaw).hasSize(6).containsExactlyElementsOf(bobSaw);

            bob.send("typing:start", Map.of("conversationId", plain));
            JsonNode typing = ann.expect("typing:start");
            assertThat(typing.get("userId").asText()).isEqualTo("bob");

            ann.sendMessage("x-ask", withAssistant, "Assistant, say hi");
            List<String> bobStream = new ArrayList<>();
            JsonNode event;
            do {
                event = bob.next();
                if (event.get("type").asText().equals("message:stream")) {
                    bobStream.add(event.get("content").asText());
                }
            } while (!(event.get("type").asText().equals("message:stream") && event.get("isComplete").asBoolean()));
            assertThat(bobStream).endsWith("Hi from the assistant");
        }
    }

    /** The contents received, once {@code count} have arrived and the client's own 3 messages are delivered. */
    private static List<String> receives(ChatClient client, int count) {
        List<String> contents = new ArrayList<>();
        int delivered = 0;
        while (contents.size() < count || delivered < 3) {
            JsonNode event = client.next();
            if (event.get("type").asText().equals("message:receive")) {
                contents.add(event.get("content").asText());
            } else if ("delivered".equals(event.path("status").asText())) {
                delivered++;
            }
        }
        return contents;
    }

    private static String createConversation(URI instance, String creator, boolean assistant, String other)
            throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                instance.resolve("/api/conversations"))
                .header("Authorization", "Bearer " + DevTokens.token(creator))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"participants\":[\"" + other + "\"],\"includeAssistant\":"
                        + assistant + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ChatClient.JSON.readTree(created.body()).get("id").asText();
    }
}
