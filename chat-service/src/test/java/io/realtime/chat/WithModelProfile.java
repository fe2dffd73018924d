package io.realtime.chat;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.realtime.infra.ai.OpenAiFakeResource;

/** The service with a model: the OpenAI client points at the fake OpenAI-compatible server. */
public class WithModelProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiFakeResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chat.model.token-idle-timeout", "2s",
                "quarkus.fault-tolerance.\"io.realtime.chat.assistant.ai.ModelCalls/extract\".timeout.value", "3000");
    }
}
