package io.realtime.bench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/** One Vert.x event loop per core; every connection is pinned to one of them (connection index modulo loops). */
public final class Loops implements AutoCloseable {

    private final Vertx vertx;
    private final List<Context> contexts;

    private Loops(Vertx vertx, List<Context> contexts) {
        this.vertx = vertx;
        this.contexts = contexts;
    }

    public static Loops start(int count) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(count).setWorkerPoolSize(2)
                .setPreferNativeTransport(false));
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Pinned verticle = new Pinned();
            vertx.deployVerticle(verticle, new DeploymentOptions()).toCompletionStage().toCompletableFuture().join();
            contexts.add(verticle.context());
        }
        return new Loops(vertx, contexts);
    }

    /** A verticle only for its event-loop context. */
    private static final class Pinned extends AbstractVerticle {
        Context context() {
            return context;
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public int size() {
        return contexts.size();
    }

    public Context loop(int index) {
        return contexts.get(Math.floorMod(index, contexts.size()));
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
