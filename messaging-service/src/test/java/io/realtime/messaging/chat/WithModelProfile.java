package io.realtime.messaging.chat;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.realtime.infra.ai.OpenAiFakeResource;

public class WithModelProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiFakeResource.class));
    }
}
