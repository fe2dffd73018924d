package io.realtime.kit.tracing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The span exporter of the test profile: keeps every finished span in memory so that tests can follow a trace
 * (Quarkus uses every {@link SpanExporter} bean). Never part of a dev or prod build.
 */
@Singleton
@IfBuildProfile("test")
public class RecordedSpans implements SpanExporter {

    private final ConcurrentLinkedQueue<SpanData> finished = new ConcurrentLinkedQueue<>();

    public List<SpanData> all() {
        return List.copyOf(finished);
    }

    public void clear() {
        finished.clear();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
