package io.realtime.bench.core;

/** Where a scenario sends its traffic: a loopback host and a port (checked on creation). */
public record Target(String host, int port) {

    public Target {
        Loopback.require(host);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port " + port);
        }
    }

    /** {@code --host} (127.0.0.1) and {@code --port} (the scenario's default service port). */
    public static Target from(Options options, int defaultPort) {
        return new Target(options.string("host", "127.0.0.1"), options.integer("port", defaultPort, 1, 65535));
    }

    public String http() {
        return "http://" + host + ":" + port;
    }
}
