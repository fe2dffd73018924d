package io.realtime.gateway.routing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Open WebSocket tunnels per client address, so that one address cannot take all the tunnels a service allows. */
final class ClientTunnels {

    private final int maxPerClient;
    private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();

    ClientTunnels(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /** @return true when {@code address} may open one more tunnel, which is then counted until {@link #close} */
    boolean tryOpen(String address) {
        boolean[] opened = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            opened[0] = now < maxPerClient;
            return opened[0] ? now + 1 : count;
        });
        return opened[0];
    }

    void close(String address) {
        open.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
    }
}
