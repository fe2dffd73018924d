package io.realtime.messaging.support;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtime.infra.test.EmbeddedInfra;

/** The records of a topic as another consumer reads them, from the beginning, in partition order. */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * Every record value (JSON) up to and including the first that matches {@code last}; fails if none arrives
     * within {@code wait}.
     */
    public static List<JsonNode> until(String topic, Predicate<JsonNode> last, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "records-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode value = ChatClient.JSON.readTree(record.value());
                    values.add(value);
                    if (last.test(value)) {
                        return values;
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("a record that is not JSON on " + topic, e);
        }
        throw new AssertionError("no matching record on " + topic + " within " + wait + " (" + values.size()
                + " read)");
    }
}
