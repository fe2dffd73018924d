package io.realtime.bench.rag;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * project-docs-service's own {@code VectorIndex}, loaded from the service's packaged application jar (the index and
 * its {@code StoredVector} record need nothing but the JDK), so the scan measured is the code the service runs.
 */
final class ServiceIndex {

    private static final String INDEX = "io.realtime.docs.document.service.VectorIndex";
    private static final String VECTOR = "io.realtime.docs.document.repository.ChunkRepository$StoredVector";

    private final Object index;
    private final MethodHandle top;
    private final MethodHandle chunkIds;

    private ServiceIndex(Object index, MethodHandle top, MethodHandle chunkIds) {
        this.index = index;
        this.top = top;
        this.chunkIds = chunkIds;
    }

    /** The application jar under {@code <module>/target/quarkus-app/app/}. */
    static Path appJar(Path module) throws IOException {
        Path app = module.resolve("target/quarkus-app/app");
        if (!Files.isDirectory(app)) {
            throw new IllegalStateException(app + " is missing: package project-docs-service first");
        }
        try (Stream<Path> jars = Files.list(app)) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + app));
        }
    }

    /** Builds the service's index of {@code vectors}; chunk {@code i} belongs to document {@code i % documents}. */
    static ServiceIndex of(Path jar, int dims, float[][] vectors, int documents) throws Exception {
        try {
            return load(jar, dims, vectors, documents);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static ServiceIndex load(Path jar, int dims, float[][] vectors, int documents) throws Throwable {
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ServiceIndex.class.getClassLoader());
        Class<?> indexClass = Class.forName(INDEX, true, loader);
        Class<?> vectorClass = Class.forName(VECTOR, true, loader);
        Class<?> hitsClass = Class.forName(INDEX + "$Hits", true, loader);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle newVector = lookup.findConstructor(vectorClass,
                MethodType.methodType(void.class, long.class, long.class, float[].class));
        List<Object> stored = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            stored.add(newVector.invoke((long) i, (long) (i % documents), vectors[i]));
        }
        MethodHandle of = lookup.findStatic(indexClass, "of", MethodType.methodType(indexClass, int.class, List.class));
        Object index = of.invoke(dims, stored);
        return new ServiceIndex(index,
                lookup.findVirtual(indexClass, "top", MethodType.methodType(hitsClass, float[].class, int.class)),
                lookup.findVirtual(hitsClass, "chunkIds", MethodType.methodType(long[].class)));
    }

    /** The ids of the {@code k} best chunks, best first. */
    long[] top(float[] query, int k) {
        try {
            return (long[]) chunkIds.invoke(top.invoke(index, query, k));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
