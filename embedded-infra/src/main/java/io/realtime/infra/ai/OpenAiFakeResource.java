package io.realtime.infra.ai;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points quarkus-langchain4j-openai at {@link OpenAiFake}. */
public class OpenAiFakeResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.langchain4j.openai.base-url", OpenAiFake.baseUrl(),
                "quarkus.langchain4j.openai.api-key", "test-key",
                "quarkus.langchain4j.openai.max-retries", "1");
    }

    @Override
    public void stop() {
        // shared by every test profile in this JVM; stopped at JVM exit
    }
}
