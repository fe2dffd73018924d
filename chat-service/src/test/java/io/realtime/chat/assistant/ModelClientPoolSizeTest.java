package io.realtime.chat.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;
import org.junit.jupiter.api.Test;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.chat.config.ChatConfig;

/**
 * The OpenAI client is built with {@link QuarkusRestClientBuilder#newBuilder()}: its connection pool must hold every
 * stream the service allows at once (each streamed answer keeps its connection), not the REST client's default 50.
 */
@QuarkusTest
class ModelClientPoolSizeTest {

    @Inject
    ChatConfig config;

    @Test
    void theModelClientsPoolHoldsEveryStreamAllowedAtOnce() {
        Object poolSize = QuarkusRestClientBuilder.newBuilder().getConfiguration()
                .getProperty(QuarkusRestClientProperties.CONNECTION_POOL_SIZE);
        assertThat(poolSize).isInstanceOf(Integer.class);
        assertThat((Integer) poolSize).isGreaterThan(config.model().maxConcurrentStreams())
                .isGreaterThan(50);
    }
}
