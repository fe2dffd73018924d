package io.realtime.chat.assistant.ai;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.eclipse.microprofile.rest.client.spi.RestClientBuilderListener;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.realtime.chat.config.ChatConfig;
import io.smallrye.config.SmallRyeConfig;

/**
 * Sizes the connection pool of the model's HTTP client. Each streamed answer holds one connection for its whole
 * length, and the OpenAI client is built programmatically, so {@code quarkus.rest-client.connection-pool-size} never
 * reaches it: it kept the REST client's default of 50, and streams beyond 50 queued for a connection and timed out
 * (the benchmarks' ai-relay scenario at 1,000 chats). The pool now holds as many as {@code
 * chat.model.max-concurrent-streams}, plus room for the non-streaming details extraction.
 */
public class ModelClientPoolSize implements RestClientBuilderListener {

    static final int EXTRACTION_CONNECTIONS = 16;

    @Override
    public void onNewBuilder(RestClientBuilder builder) {
        int streams = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(ChatConfig.class)
                .model().maxConcurrentStreams();
        builder.property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, streams + EXTRACTION_CONNECTIONS);
    }
}
