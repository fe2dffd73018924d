package io.realtime.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.realtime.bench.assessment.AssessmentScenario;
import io.realtime.bench.chat.AiRelayScenario;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.idle.IdleScenario;
import io.realtime.bench.messaging.ConnectStormScenario;
import io.realtime.bench.messaging.MessagingScenario;
import io.realtime.bench.rag.RagRetrievalScenario;
import io.realtime.bench.socketio.BroadcastScenario;
import io.realtime.bench.startup.StartUpScenario;

/** Every implemented scenario by name, in the order {@code all} runs them. */
public final class Scenarios {

    private static final Map<String, Supplier<Scenario>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("idle", IdleScenario::new);
        ALL.put("messaging-ack", MessagingScenario::ack);
        ALL.put("messaging-fanout", MessagingScenario::fanout);
        ALL.put("heartbeat", MessagingScenario::heartbeat);
        ALL.put("socketio-broadcast", BroadcastScenario::new);
        ALL.put("connect-storm", ConnectStormScenario::new);
        ALL.put("assessment", AssessmentScenario::new);
        ALL.put("ai-relay", AiRelayScenario::new);
        ALL.put("rag-retrieval", RagRetrievalScenario::new);
        ALL.put("start-up", StartUpScenario::new);
    }

    private Scenarios() {
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Scenario named(String name) {
        Supplier<Scenario> scenario = ALL.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario " + name + "; one of " + names() + " or all");
        }
        return scenario.get();
    }
}
