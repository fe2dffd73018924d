package io.realtime.bench.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.realtime.bench.core.Options;
import io.realtime.bench.core.ServiceProcess;
import io.realtime.bench.core.Suite;
import io.realtime.bench.core.Target;

/**
 * The chat-service the relay drives: with {@code --port}, one already running (started with
 * {@code OPENAI_BASE_URL} at the fake model's {@code --model-port}); otherwise its packaged JVM, launched on a free
 * port against the suite's PostgreSQL and Kafka with the fake model as its OpenAI server and the per-address
 * session and stream limits raised for the run's chats.
 */
final class ChatUnderTest implements AutoCloseable {

    /** The per-address creation count lives in PostgreSQL across runs and instances: effectively off. */
    private static final String UNLIMITED = "1000000000";

    private final Target target;
    private final ServiceProcess process;

    private ChatUnderTest(Target target, ServiceProcess process) {
        this.target = target;
        this.process = process;
    }

    static ChatUnderTest of(Options options, int modelPort, int chats) throws Exception {
        if (options.values().containsKey("port")) {
            return new ChatUnderTest(Target.from(options, 8003), null);
        }
        Suite suite = Suite.from(options);
        Map<String, String> environment = suite.environment("chat", ServiceProcess.freePort());
        environment.put("OPENAI_API_KEY", "bench-fake-model");
        environment.put("OPENAI_BASE_URL", "http://127.0.0.1:" + modelPort + "/v1/");
        environment.put("CHAT_SESSION_CREATION_MAX_PER_ADDRESS", UNLIMITED);
        environment.put("CHAT_MODEL_MAX_CONCURRENT_STREAMS", Integer.toString(Math.max(64, chats)));
        ServiceProcess process = ServiceProcess.start(suite.jar("chat-service"), List.of("-Xms64m", "-Xmx512m"),
                environment, suite.root().resolve("benchmarks/target/service-logs/ai-relay-chat-service.log"));
        try {
            process.awaitReady(Duration.ofSeconds(120));
        } catch (Exception e) {
            process.close();
            throw e;
        }
        return new ChatUnderTest(new Target("127.0.0.1", process.port()), process);
    }

    Target target() {
        return target;
    }

    String describe() {
        return process == null ? "the running chat-service" : "chat-service launched by the scenario (pid "
                + process.pid() + ", -Xmx512m)";
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
