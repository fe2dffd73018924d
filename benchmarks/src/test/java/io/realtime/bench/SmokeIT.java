package io.realtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.realtime.bench.core.Options;
import io.realtime.bench.report.Result;
import io.realtime.infra.test.EmbeddedInfra;
import io.realtime.infra.test.PackagedInstance;

/**
 * Every scenario for a few seconds with tiny sizes against the real, packaged services on the embedded PostgreSQL
 * and Kafka, so the tool cannot rot. No timing assertions: each scenario must finish and report what it measured.
 */
class SmokeIT {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", ".."));
    private static PackagedInstance messaging;
    private static PackagedInstance docs;
    private static PackagedInstance assessment;

    @BeforeAll
    static void startServices() throws Exception {
        EmbeddedInfra.postgres().ensureDatabase("messaging");
        EmbeddedInfra.postgres().ensureDatabase("docs");
        EmbeddedInfra.postgres().ensureDatabase("assessment");
        EmbeddedInfra.postgres().ensureDatabase("chat");
        messaging = PackagedInstance.start("messaging", jar("messaging-service"), "messaging", "256m",
                Map.of("MESSAGING_RATE_LIMIT_MESSAGES", "1000000000"));
        docs = PackagedInstance.start("docs", jar("project-docs-service"), "docs", "384m", Map.of());
        assessment = PackagedInstance.start("assessment", jar("assessment-service"), "assessment", "256m",
                Map.of());
    }

    private static String jar(String module) {
        return ROOT.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString();
    }

    @AfterAll
    static void stopServices() {
        if (messaging != null) {
            messaging.close();
        }
        if (docs != null) {
            docs.close();
        }
        if (assessment != null) {
            assessment.close();
        }
    }

    @Test
    void idleOnBothServices() throws Exception {
        assertRuns("idle", messaging, "--connections", "20", "--hold", "0s");
        assertRuns("idle", docs, "--service", "docs", "--connections", "10", "--hold", "0s");
    }

    @Test
    void messagingScenarios() throws Exception {
        List<String> tiny = List.of("--conversations", "2", "--members", "3", "--rate", "20", "--warmup", "1s",
                "--duration", "2s", "--drain", "5s");
        assertRuns("messaging-ack", messaging, tiny.toArray(String[]::new));
        assertRuns("connect-storm", messaging, "--connections", "20", "--parallel", "8");
        List<String> withPeer = new ArrayList<>(tiny);
        withPeer.addAll(peer(19_002));
        Result fanout = assertRuns("messaging-fanout", messaging, withPeer.toArray(String[]::new));
        assertThat(fanout.metrics()).containsKey("node peer (messaging-peer.js): deliveries/s (first send to last "
                + "delivery)");
        List<String> heartbeat = new ArrayList<>(tiny);
        heartbeat.addAll(List.of("--pingers", "3", "--ping-every", "100ms"));
        Result result = assertRuns("heartbeat", messaging, heartbeat.toArray(String[]::new));
        assertThat(result.latencies()).containsKey("ping->pong");
    }

    @Test
    void socketIoBroadcast() throws Exception {
        List<String> options = new ArrayList<>(List.of("--members", "3", "--sockets-per-member", "2", "--rate", "2",
                "--duration", "1s", "--drain", "30s"));
        options.addAll(peer(19_004));
        Result broadcast = assertRuns("socketio-broadcast", docs, options.toArray(String[]::new));
        assertThat(broadcast.metrics().keySet()).anyMatch(name -> name.startsWith("ratio service / node peer"));
    }

    @Test
    void assessmentCandidates() throws Exception {
        Result result = assertRuns("assessment", assessment, "--candidates", "5", "--rate", "10", "--duration",
                "2s", "--drain", "5s");
        assertThat(result.latencies()).containsKey("answer->feedback");
    }

    @Test
    void aiRelayThroughItsOwnChatService() throws Exception {
        Result result = assertRuns("ai-relay", null, "--chats", "3", "--tokens", "5", "--token-every", "20ms",
                "--warmup", "0");
        assertThat(result.latencies()).containsKey("model->client per token");
    }

    @Test
    void ragRetrievalOnTheServiceIndex() throws Exception {
        Result result = assertRuns("rag-retrieval", null, "--chunks", "5000", "--queries", "50", "--warmup", "10");
        assertThat(result.metrics()).containsEntry("exact top-k (checked against brute force)", "5 of 5");
    }

    @Test
    void startUpOfOneService() throws Exception {
        Result result = assertRuns("start-up", null, "--services", "messaging", "--repetitions", "1");
        assertThat(result.latencies()).containsKey("ready, messaging");
    }

    /** The Node peer on a port of its own (installed with npm ci on first use). */
    private static List<String> peer(int port) {
        return List.of("--peer", "--peer-port", Integer.toString(port), "--peers-dir",
                ROOT.resolve("benchmarks/peers").toString());
    }

    /** Runs a scenario against {@code target}, or (null) against what it launches itself on the embedded infra. */
    private static Result assertRuns(String scenario, PackagedInstance target, String... options) throws Exception {
        Path out = Path.of("target", "smoke-reports");
        List<String> args = new ArrayList<>(List.of(scenario, "--out", out.toString(), "--loops", "1"));
        if (target != null) {
            args.addAll(List.of("--port", Integer.toString(target.base().getPort())));
        } else {
            args.addAll(List.of("--root", ROOT.toString(), "--pg-port",
                    Integer.toString(EmbeddedInfra.postgres().port()), "--kafka",
                    EmbeddedInfra.kafka().bootstrapServers()));
        }
        args.addAll(List.of(options));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Result> results = new Bench(Options.parse(args), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .runAll();
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(results).as(text).hasSize(1);
        Result result = results.get(0);
        assertThat(result.metrics()).as(text).isNotEmpty();
        assertThat(Files.readString(out.resolve(scenario + ".md"))).contains("2-core box").contains(scenario);
        assertThat(out.resolve(scenario + ".json")).exists();
        return result;
    }
}
