package io.realtime.protocol.ai;

/**
 * Whether an OpenAI-compatible model is configured. The services default {@code quarkus.langchain4j.openai.api-key}
 * to {@code none} when OPENAI_API_KEY is unset, and then run without a model.
 */
public final class ModelKey {

    public static final String NONE = "none";

    private ModelKey() {
    }

    public static boolean isConfigured(String apiKey) {
        return apiKey != null && !apiKey.isBlank() && !NONE.equalsIgnoreCase(apiKey);
    }
}
