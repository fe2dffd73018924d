package io.realtime.kit.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactional outbox's relay. A service that writes to the {@link Outbox} sets {@code poll-interval}. */
@ConfigMapping(prefix = "realtime.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events; unset (the default) for services without an outbox. */
    Optional<Duration> pollInterval();

    /** Events published per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** How long published events stay in the table (for audit and replay by hand) before they are deleted. */
    @WithDefault("24h")
    Duration retention();
}
