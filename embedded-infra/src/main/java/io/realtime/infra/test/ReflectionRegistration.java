package io.realtime.infra.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.FieldInfo;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Native readiness: finds, in a module's compiled classes, every class Jackson reads or writes and lists those a
 * native image would not have registered for reflection.
 *
 * <p>What Jackson handles, found with Jandex (no class is loaded):
 * <ul>
 *   <li>records, and classes carrying a Jackson annotation, in packages named {@code protocol}, {@code event} or
 *   {@code wire} (WebSocket frames, Kafka events, envelopes);</li>
 *   <li>records nested in {@code endpoint} classes (REST DTOs);</li>
 *   <li>every class with a Jackson annotation ({@code com.fasterxml.jackson.annotation}) on it or a member;</li>
 *   <li>parameter and return types of REST resource methods ({@code @GET}, {@code @POST}, ...), of WebSocket
 *   message callbacks ({@code @OnTextMessage}, ...) and of Kafka channel methods ({@code @Incoming},
 *   {@code @Outgoing}), and the type arguments of {@code Emitter<T>} fields, through generics ({@code Uni},
 *   {@code List}, {@code RestResponse}, ...);</li>
 *   <li>then, transitively, record component and instance field types, implementations and subclasses of every
 *   interface or abstract class reached (sealed frame hierarchies), and {@code @JsonSubTypes} values.</li>
 * </ul>
 * Records in {@code domain} packages count only where one of these reaches them: seeding them all flagged records
 * Jackson never sees (a JPA {@code @Embeddable} key, which Hibernate registers; a value built by a hand-written
 * parser). Not seen: a type handed only to {@code ObjectMapper.writeValueAsString(Object)} or
 * {@code JsonObject.mapFrom} and reached from none of the above; such a type belongs in a {@code protocol} or
 * {@code event} package.
 * Only the module's own concrete classes are checked (enums, interfaces and abstract classes are not: GraalVM keeps
 * enum constants, and Jackson instantiates only concrete classes); types of other modules are checked there.
 *
 * <p>Registered means {@code @RegisterForReflection} on the class or on an enclosing class (its default
 * {@code ignoreNested = false} covers nested classes), or named in any {@code targets}/{@code classNames}. Quarkus's
 * own registration of REST signature types is deliberately not relied on: it does not see types behind
 * {@code Response}, an {@code ObjectMapper} call or a WebSocket frame writer, so the explicit annotation is the one
 * rule.
 */
public final class ReflectionRegistration {

    private static final DotName REGISTER =
            DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    private static final DotName SUB_TYPES = DotName.createSimple("com.fasterxml.jackson.annotation.JsonSubTypes");
    private static final String JACKSON = "com.fasterxml.jackson.annotation.";
    private static final Set<String> FRAME_PACKAGES = Set.of("protocol", "event", "wire");
    private static final Set<String> SIGNATURE_ANNOTATIONS = Set.of(
            "jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE",
            "jakarta.ws.rs.PATCH", "io.quarkus.websockets.next.OnTextMessage",
            "io.quarkus.websockets.next.OnBinaryMessage", "org.eclipse.microprofile.reactive.messaging.Incoming",
            "org.eclipse.microprofile.reactive.messaging.Outgoing");
    private static final Set<String> EMITTERS = Set.of("org.eclipse.microprofile.reactive.messaging.Emitter",
            "io.smallrye.reactive.messaging.MutinyEmitter");

    private final Index index;

    private ReflectionRegistration(Index index) {
        this.index = index;
    }

    /** Fails, naming each class, if a serialised class of the module at {@code moduleDir} is not registered. */
    public static void assertRegistered(Path moduleDir) {
        of(moduleDir.resolve("target/classes")).check();
    }

    /** Fails, naming each class, if a serialised class is not registered, or if none is found at all. */
    public void check() {
        if (serialised().isEmpty()) {
            throw new AssertionError("no serialised class found: is the module compiled?");
        }
        Set<String> missing = unregistered();
        if (!missing.isEmpty()) {
            throw new AssertionError("serialised but not registered for reflection (add @RegisterForReflection): "
                    + String.join(", ", missing));
        }
    }

    /** The check over a folder of compiled classes. */
    public static ReflectionRegistration of(Path classes) {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReflectionRegistration(indexer.complete());
    }

    /** Names of the module's concrete classes that Jackson reads or writes. */
    public Set<String> serialised() {
        Set<DotName> seen = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        for (ClassInfo type : index.getKnownClasses()) {
            if (isSeed(type)) {
                todo.add(Type.create(type.name(), Type.Kind.CLASS));
            }
            for (MethodInfo method : type.methods()) {
                if (method.annotations().stream().anyMatch(a -> SIGNATURE_ANNOTATIONS.contains(a.name().toString())
                        && a.target().kind() == AnnotationTarget.Kind.METHOD)) {
                    todo.add(method.returnType());
                    todo.addAll(method.parameterTypes());
                }
            }
            for (FieldInfo field : type.fields()) {
                if (EMITTERS.contains(field.type().name().toString())) {
                    todo.add(field.type());
                }
            }
        }
        Set<String> found = new TreeSet<>();
        while (!todo.isEmpty()) {
            Type type = todo.poll();
            switch (type.kind()) {
                case PARAMETERIZED_TYPE -> todo.addAll(type.asParameterizedType().arguments());
                case ARRAY -> todo.add(type.asArrayType().constituent());
                case WILDCARD_TYPE -> todo.add(type.asWildcardType().extendsBound());
                default -> {
                }
            }
            boolean named = type.kind() == Type.Kind.CLASS || type.kind() == Type.Kind.PARAMETERIZED_TYPE;
            if (!named || !seen.add(type.name())) {
                continue;
            }
            ClassInfo info = index.getClassByName(type.name());
            if (info == null) {
                continue;
            }
            if (info.isInterface() || Modifier.isAbstract(info.flags())) {
                index.getAllKnownImplementations(info.name()).forEach(c -> todo.add(classType(c)));
                index.getAllKnownSubclasses(info.name()).forEach(c -> todo.add(classType(c)));
            } else if (!info.isEnum()) {
                found.add(info.name().toString());
            }
            AnnotationInstance subTypes = info.declaredAnnotation(SUB_TYPES);
            if (subTypes != null) {
                for (AnnotationInstance sub : subTypes.value().asNestedArray()) {
                    todo.add(sub.value().asClass());
                }
            }
            info.recordComponents().stream().map(RecordComponentInfo::type).forEach(todo::add);
            info.fields().stream().filter(f -> !Modifier.isStatic(f.flags())).map(FieldInfo::type).forEach(todo::add);
        }
        return found;
    }

    /** Names of the serialised classes that are not registered for reflection. */
    public Set<String> unregistered() {
        Set<String> registered = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(REGISTER)) {
            AnnotationValue targets = annotation.value("targets");
            if (targets != null) {
                for (Type target : targets.asClassArray()) {
                    registered.add(target.name().toString());
                }
            }
            AnnotationValue names = annotation.value("classNames");
            if (names != null) {
                registered.addAll(List.of(names.asStringArray()));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String name : serialised()) {
            if (!registered.contains(name) && !annotated(index.getClassByName(name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    private boolean annotated(ClassInfo type) {
        AnnotationInstance own = type.declaredAnnotation(REGISTER);
        if (own != null && own.value("targets") == null && own.value("classNames") == null) {
            return true;
        }
        for (ClassInfo outer = enclosing(type); outer != null; outer = enclosing(outer)) {
            AnnotationInstance annotation = outer.declaredAnnotation(REGISTER);
            AnnotationValue ignoreNested = annotation == null ? null : annotation.value("ignoreNested");
            if (annotation != null && (ignoreNested == null || !ignoreNested.asBoolean())
                    && annotation.value("targets") == null && annotation.value("classNames") == null) {
                return true;
            }
        }
        return false;
    }

    private ClassInfo enclosing(ClassInfo type) {
        return type.enclosingClass() == null ? null : index.getClassByName(type.enclosingClass());
    }

    private static boolean isSeed(ClassInfo type) {
        String packageName = type.name().packagePrefix();
        String last = packageName == null ? "" : packageName.substring(packageName.lastIndexOf('.') + 1);
        boolean jackson = type.annotations().stream().anyMatch(a -> a.name().toString().startsWith(JACKSON));
        if (jackson || type.isRecord() && FRAME_PACKAGES.contains(last)) {
            return true;
        }
        return type.isRecord() && last.equals("endpoint") && type.enclosingClass() != null;
    }

    private static Type classType(ClassInfo type) {
        return Type.create(type.name(), Type.Kind.CLASS);
    }
}
