package io.realtime.bench.core;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.realtime.infra.test.NodeScripts;

/**
 * A Node peer of {@code benchmarks/peers/} ({@code npm ci} first if needed) on a loopback port, for the same
 * scenario to drive; stopped on close. Output goes to {@code benchmarks/target/peer-<script>.log}.
 */
public final class NodePeer implements AutoCloseable {

    private final Process process;

    private NodePeer(Process process) {
        this.process = process;
    }

    public static NodePeer start(Path peers, String script, int port) throws IOException, InterruptedException {
        if (!NodeScripts.available()) {
            throw new IllegalStateException("node and npm are needed for the peers");
        }
        NodeScripts.install(peers);
        Path log = peers.getParent().resolve("target").resolve("peer-" + script + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder("node", script, Integer.toString(port)).directory(peers.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodePeer peer = new NodePeer(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return peer;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        peer.close();
        throw new IllegalStateException("peer " + script + " did not start:\n" + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
    }
}
