package io.realtime.socketio.engine;

import java.time.Duration;
import java.util.List;

import io.realtime.kit.socket.OutboundQueue;

/**
 * How an Engine.IO endpoint behaves: every timing and size the protocol exposes is here, so that the production
 * settings and the protocol test suites' settings (300 ms / 200 ms / 1,000,000 bytes, CORS {@code *}) are only
 * configuration.
 *
 * @param path            mount point, ending with {@code /} (Socket.IO's {@code /socket.io/}, raw Engine.IO's {@code /engine.io/})
 * @param pingInterval    how often the server pings (handshake's {@code pingInterval})
 * @param pingTimeout     how long a ping may stay unanswered before the session closes (handshake's {@code pingTimeout})
 * @param maxPayload      the largest polling POST body / websocket message accepted, in bytes (handshake's {@code maxPayload})
 * @param upgradeTimeout  how long a probed websocket may take to send the upgrade packet
 * @param outbound        cap on what waits for a client: the websocket's {@link OutboundQueue}, the polling buffer
 * @param corsOrigins     origins allowed on polling requests; {@code *} allows any (no credentials then)
 */
public record EngineOptions(String path, Duration pingInterval, Duration pingTimeout, int maxPayload,
        Duration upgradeTimeout, OutboundQueue.Limits outbound, List<String> corsOrigins) {

    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(25);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_PAYLOAD = 1_000_000;
    public static final Duration DEFAULT_UPGRADE_TIMEOUT = Duration.ofSeconds(10);

    public EngineOptions {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("path must start and end with '/': " + path);
        }
        if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
            throw new IllegalArgumentException("ping interval and timeout must be positive");
        }
        if (maxPayload < 1) {
            throw new IllegalArgumentException("maxPayload must be positive: " + maxPayload);
        }
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** The protocol's defaults (those of the reference server) at {@code path}, no cross-origin polling. */
    public static EngineOptions defaults(String path) {
        return new EngineOptions(path, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT, DEFAULT_MAX_PAYLOAD,
                DEFAULT_UPGRADE_TIMEOUT, OutboundQueue.Limits.DEFAULT, List.of());
    }

    public EngineOptions withPath(String value) {
        return new EngineOptions(value, pingInterval, pingTimeout, maxPayload, upgradeTimeout, outbound, corsOrigins);
    }

    public EngineOptions withPing(Duration interval, Duration timeout) {
        return new EngineOptions(path, interval, timeout, maxPayload, upgradeTimeout, outbound, corsOrigins);
    }

    public EngineOptions withMaxPayload(int value) {
        return new EngineOptions(path, pingInterval, pingTimeout, value, upgradeTimeout, outbound, corsOrigins);
    }

    public EngineOptions withUpgradeTimeout(Duration value) {
        return new EngineOptions(path, pingInterval, pingTimeout, maxPayload, value, outbound, corsOrigins);
    }

    public EngineOptions withOutbound(OutboundQueue.Limits value) {
        return new EngineOptions(path, pingInterval, pingTimeout, maxPayload, upgradeTimeout, value, corsOrigins);
    }

    public EngineOptions withCorsOrigins(List<String> value) {
        return new EngineOptions(path, pingInterval, pingTimeout, maxPayload, upgradeTimeout, outbound, value);
    }
}
