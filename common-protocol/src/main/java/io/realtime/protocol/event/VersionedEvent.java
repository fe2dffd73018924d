package io.realtime.protocol.event;

/**
 * A record that services exchange over Kafka. Consumers check {@link #schemaVersion()} and skip versions they do
 * not understand instead of failing the partition.
 */
public interface VersionedEvent {

    int schemaVersion();
}
