package io.realtime.kit.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * The consumer groups of this instance that have joined (been assigned partitions). A service's per-instance
 * fan-out channel (a group of its own, from the latest offset) names this listener, {@code
 * mp.messaging.incoming.<channel>.consumer-rebalance-listener.name=instance-consumers}, and stays not ready
 * ({@link InstanceConsumersReadiness}) until its group has joined.
 */
@Identifier(InstanceConsumers.NAME)
@ApplicationScoped
public class InstanceConsumers implements KafkaConsumerRebalanceListener {

    public static final String NAME = "instance-consumers";

    private final Set<String> joinedGroups = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        joined(consumer.groupMetadata().groupId());
    }

    void joined(String groupId) {
        joinedGroups.add(groupId);
    }

    public boolean hasJoined(String groupId) {
        return joinedGroups.contains(groupId);
    }
}
