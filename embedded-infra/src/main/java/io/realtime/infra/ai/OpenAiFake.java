package io.realtime.infra.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * An OpenAI-compatible chat completions server for tests, speaking the real wire format: JSON completions and SSE
 * streams of {@code chat.completion.chunk}s ending in {@code data: [DONE]}. The only fake the project allows,
 * because no model weights can be had here.
 */
public final class OpenAiFake {

    public static final String PATH = "/v1/chat/completions";

    /** The port is JVM-wide: Quarkus loads this class again after each restart (see EmbeddedInfra). */
    private static final String PORT = "realtime.openai-fake.port";

    private static WireMock client;

    private OpenAiFake() {
    }

    /** The admin client of the one fake server in this JVM, started on first use. */
    public static WireMock server() {
        synchronized (System.class) {
            if (client == null) {
                String port = System.getProperty(PORT);
                if (port == null) {
                    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                            .bindAddress("127.0.0.1"));
                    server.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "openai-fake-stop"));
                    port = Integer.toString(server.port());
                    System.setProperty(PORT, port);
                }
                client = new WireMock("127.0.0.1", Integer.parseInt(port));
            }
            return client;
        }
    }

    public static String baseUrl() {
        server();
        return "http://127.0.0.1:" + System.getProperty(PORT) + "/v1/";
    }

    public static void reset() {
        server().resetMappings();
        server().resetRequests();
        server().resetScenarios();
    }

    /** Every non-streaming request answers with {@code content} (streaming stubs take precedence). */
    public static void answer(String content) {
        answerAfter(content, 0);
    }

    /** As {@link #answer(String)}, each answer sent {@code delayMillis} after the request, like a busy model. */
    public static void answerAfter(String content, int delayMillis) {
        server().register(post(urlPathEqualTo(PATH)).atPriority(5)
                .willReturn(json(completion(content)).withFixedDelay(delayMillis)));
    }

    /** Non-streaming requests whose body contains {@code marker} answer with {@code content} (before other stubs). */
    public static void answerWhenPromptContains(String marker, String content) {
        server().register(post(urlPathEqualTo(PATH)).atPriority(3)
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(marker))
                .willReturn(json(completion(content))));
    }

    /** Successive non-streaming requests answer with each content in turn; the last one repeats. */
    public static void answerInTurn(List<String> contents) {
        String scenario = "turns-" + UUID.randomUUID();
        for (int i = 0; i < contents.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "turn-" + i;
            var stub = post(urlPathEqualTo(PATH)).atPriority(5).inScenario(scenario).whenScenarioStateIs(state);
            if (i + 1 < contents.size()) {
                stub = stub.willSetStateTo("turn-" + (i + 1));
            }
            server().register(stub.willReturn(json(completion(contents.get(i)))));
        }
    }

    /** Streaming requests answer with these tokens as SSE chunks. */
    public static void stream(List<String> tokens) {
        stream(tokens, 0);
    }

    /** As {@link #stream(List)}, the body dribbled out over {@code totalMillis}, like a slow model. */
    public static void stream(List<String> tokens, int totalMillis) {
        StringBuilder body = new StringBuilder();
        String id = "chatcmpl-" + UUID.randomUUID();
        body.append(sse(chunk(id, "{\"role\":\"assistant\",\"content\":\"\"}", null)));
        for (String token : tokens) {
            body.append(sse(chunk(id, "{\"content\":" + quote(token) + "}", null)));
        }
        body.append(sse(chunk(id, "{}", "stop")));
        body.append("data: [DONE]\n\n");
        server().register(post(urlPathEqualTo(PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(withDribble(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(body.toString()), tokens.size() + 2, totalMillis)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder withDribble(
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response, int chunks, int totalMillis) {
        return totalMillis <= 0 ? response : response.withChunkedDribbleDelay(chunks, totalMillis);
    }

    /** Every request fails with an HTTP error, as an overloaded server would. */
    public static void fail(int status) {
        server().register(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}")));
    }

    /** The speech-to-text endpoint of the same API (Whisper's shape: multipart {@code file} and {@code model}). */
    public static final String TRANSCRIPTIONS_PATH = "/v1/audio/transcriptions";

    /** Every transcription request answers {@code {"text": text}}. */
    public static void transcribe(String text) {
        server().register(post(urlPathEqualTo(TRANSCRIPTIONS_PATH)).willReturn(json("{\"text\":" + quote(text)
                + "}")));
    }

    /** Every transcription request fails with an HTTP error. */
    public static void failTranscriptions(int status) {
        server().register(post(urlPathEqualTo(TRANSCRIPTIONS_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"fake failure\",\"type\":\"server_error\"}}")));
    }

    /** The transcription requests received so far, oldest first. */
    public static List<LoggedRequest> transcriptionRequests() {
        return server().find(postRequestedFor(urlPathEqualTo(TRANSCRIPTIONS_PATH)));
    }

    /** Bodies of the chat requests received so far, oldest first. */
    public static List<String> requestBodies() {
        return server().find(postRequestedFor(urlPathEqualTo(PATH))).stream()
                .map(LoggedRequest::getBodyAsString)
                .collect(Collectors.toList());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static String completion(String content) {
        return "{\"id\":\"chatcmpl-" + UUID.randomUUID() + "\",\"object\":\"chat.completion\",\"created\":"
                + (System.currentTimeMillis() / 1000) + ",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":10,\"total_tokens\":20}}";
    }

    private static String chunk(String id, String delta, String finishReason) {
        return "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + (System.currentTimeMillis() / 1000) + ",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                + "\"delta\":" + delta + ",\"finish_reason\":" + (finishReason == null ? "null" : quote(finishReason))
                + "}]}";
    }

    private static String sse(String data) {
        return "data: " + data + "\n\n";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
