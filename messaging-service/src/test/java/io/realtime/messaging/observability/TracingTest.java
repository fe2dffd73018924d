package io.realtime.messaging.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtime.kit.tracing.RecordedSpans;
import io.realtime.messaging.support.ChatClient;
import io.realtime.messaging.support.Conversations;

/**
 * One trace from a client's {@code message:send} frame, through its PostgreSQL statements and the Kafka record, to
 * the {@code message:receive} frames pushed by the consumer of that record (on whichever instance holds the
 * recipient; here the same JVM, so only the Kafka headers can carry the context across).
 */
@QuarkusTest
class TracingTest {

    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    @TestHTTPResource("/")
    URI base;

    @Inject
    RecordedSpans spans;

    @Test
    void aMessagesTraceRunsFromItsFrameThroughPostgresAndKafkaToTheFramesItCauses() {
        String conversation = Conversations.create("pia", false, "quinn");
        spans.clear();
        try (ChatClient pia = ChatClient.connect(base, "pia"); ChatClient quinn = ChatClient.connect(base, "quinn")) {
            pia.sendMessage("traced-1", conversation, "follow me");
            quinn.expect("message:receive");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> find("messaging message:send", null).isPresent());
        SpanData frame = find("messaging message:send", null).orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> find("messaging deliver message:receive", frame.getTraceId()).isPresent());
        SpanData delivery = find("messaging deliver message:receive", frame.getTraceId()).orElseThrow();
        assertThat(frame.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(frame.getAttributes().asMap().toString()).contains("message:send");

        List<SpanData> trace = spans.all().stream()
                .filter(span -> span.getTraceId().equals(frame.getTraceId())).toList();
        List<SpanData> path = ancestors(delivery, trace);
        assertThat(path).as("delivery span's ancestors, in trace %s", describe(trace)).contains(frame);
        assertThat(path).extracting(SpanData::getKind).contains(SpanKind.CONSUMER, SpanKind.PRODUCER);
        assertThat(trace).as("the message stored under the frame's span, in %s", describe(trace))
                .anyMatch(span -> span.getKind() == SpanKind.CLIENT && span.getParentSpanId().equals(frame.getSpanId())
                        && String.valueOf(span.getAttributes().get(DB_STATEMENT)).contains("store_user_message"));
    }

    /** The span of that name, in that trace if {@code traceId} is given. */
    private Optional<SpanData> find(String name, String traceId) {
        return spans.all().stream().filter(span -> span.getName().equals(name))
                .filter(span -> traceId == null || span.getTraceId().equals(traceId)).findFirst();
    }

    /** The span's parent, its parent's parent, ... as far as the trace has them. */
    private static List<SpanData> ancestors(SpanData span, List<SpanData> trace) {
        Map<String, SpanData> byId = trace.stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        List<SpanData> chain = new ArrayList<>();
        SpanData parent = byId.get(span.getParentSpanId());
        while (parent != null && !chain.contains(parent)) {
            chain.add(parent);
            parent = byId.get(parent.getParentSpanId());
        }
        return chain;
    }

    private static String describe(List<SpanData> trace) {
        return trace.stream().map(span -> span.getName() + "[" + span.getKind() + " " + span.getSpanId() + "<-"
                + span.getParentSpanId() + "]").collect(Collectors.joining(", "));
    }
}
