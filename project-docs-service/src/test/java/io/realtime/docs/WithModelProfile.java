package io.realtime.docs;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.realtime.infra.ai.OpenAiFakeResource;

/** The service with a model: the OpenAI client points at the fake OpenAI-compatible server. */
public class WithModelProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiFakeResource.class));
    }
}
