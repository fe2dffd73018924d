package io.realtime.kit.vertx;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings a result computed elsewhere (a worker running a model call, a fault-tolerance timer) back to the caller's
 * Vert.x context, where the WebSocket connection and Hibernate Reactive's session expect to be used.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Call from the caller's context: {@code call} starts on subscription, its outcome is delivered back here. */
    public static <T> Uni<T> resume(Supplier<CompletionStage<T>> call) {
        Context context = Vertx.currentContext();
        Uni<T> result = Uni.createFrom().completionStage(call);
        return context == null ? result : result.emitOn(on(context));
    }

    /** Runs each task on {@code context}: for {@code emitOn}, to bring a stream's items back where they belong. */
    public static Executor on(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }
}
