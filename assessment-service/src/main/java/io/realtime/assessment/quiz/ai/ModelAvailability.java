package io.realtime.assessment.quiz.ai;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.realtime.protocol.ai.ModelKey;

/** Whether a model is configured: without OPENAI_API_KEY the service uses its question bank and says so in chat. */
@ApplicationScoped
public class ModelAvailability {

    private final boolean available;

    public ModelAvailability(@ConfigProperty(name = "quarkus.langchain4j.openai.api-key", defaultValue = "none") String key) {
        this.available = ModelKey.isConfigured(key);
    }

    public boolean available() {
        return available;
    }
}
