package io.realtime.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;

class EmbeddedInfraTest {

    @Test
    void resourceGivesEachServiceItsOwnDatabaseThatAcceptsReactiveConnections() throws Exception {
        EmbeddedInfraResource resource = new EmbeddedInfraResource();
        resource.init(Map.of(EmbeddedInfraResource.DATABASE_ARG, "infra_check"));
        Map<String, String> config = resource.start();

        assertThat(config.get("quarkus.datasource.reactive.url")).endsWith("/infra_check");
        Vertx vertx = Vertx.vertx();
        try {
            PgConnectOptions options = PgConnectOptions.fromUri(config.get("quarkus.datasource.reactive.url"))
                    .setUser(config.get("quarkus.datasource.username"))
                    .setPassword(config.get("quarkus.datasource.password"));
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx)
                    .build();
            Row row = pool.query("SELECT current_database() AS db, current_setting('server_version_num') AS v")
                    .execute().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                    .iterator().next();
            assertThat(row.getString("db")).isEqualTo("infra_check");
            assertThat(Integer.parseInt(row.getString("v"))).isGreaterThanOrEqualTo(180000);
            pool.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void recordProducedToTheBrokerIsConsumed() throws Exception {
        Map<String, String> config = new EmbeddedInfraResource().start();
        String bootstrap = config.get("kafka.bootstrap.servers");
        String topic = "infra-check-" + UUID.randomUUID();

        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get(30, TimeUnit.SECONDS);
        }

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "infra-check");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            consumer.subscribe(List.of(topic));
            ConsumerRecord<String, String> received = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    received = record;
                }
            }
            assertThat(received).isNotNull();
            assertThat(received.key()).isEqualTo("key-1");
            assertThat(received.value()).isEqualTo("hello");
        }
    }
}
