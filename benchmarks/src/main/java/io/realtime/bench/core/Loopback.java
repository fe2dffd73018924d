package io.realtime.bench.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The tool only ever targets this machine: any host that is not a loopback address is refused before a packet. */
public final class Loopback {

    private Loopback() {
    }

    public static String require(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("refusing " + host + " (" + address.getHostAddress()
                            + "): the benchmarks target loopback addresses only (127.0.0.0/8, ::1)");
                }
            }
            return host;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }
}
