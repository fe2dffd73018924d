package io.realtime.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Renders each overlay with {@code kubectl kustomize}, parses every object into fabric8's typed model (strictly: a
 * field the model does not know fails, and only the operators' custom resources may stay generic) and checks it
 * against the repository: services, ports, probes, resources, security, routes, topics and secrets.
 */
class ManifestsTest {

    /** Custom resources of Strimzi and CloudNativePG: no typed model here, parsed as generic resources. */
    private static final Set<String> CUSTOM_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster");
    private static final Path ROOT = Path.of(System.getProperty("suite.dir", "..")).toAbsolutePath().normalize();
    private static final Pattern DOCUMENTED_SECRET = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|", Pattern.MULTILINE);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void overlayMatchesTheSuite(String overlay) throws Exception {
        List<HasMetadata> objects = parse(render(overlay));
        Suite suite = new Suite(ROOT);
        List<Suite.Service> services = suite.services();

        Set<String> topics = new TreeSet<>();
        for (HasMetadata o : objects) {
            if (o.getKind().equals("KafkaTopic")) {
                topics.add(String.valueOf(((Map<?, ?>) ((GenericKubernetesResource) o).getAdditionalProperties()
                        .get("spec")).get("topicName")));
            }
        }
        for (Suite.Service service : services) {
            assertThat(topics).as("KafkaTopics for the topics %s names", service.name())
                    .containsAll(service.topics());
            if (service.port() == 0) {
                continue;
            }
            Deployment deployment = find(objects, Deployment.class, service.name());
            checkDeployment(service, deployment, overlay.equals("prod"));
            checkDatabase(service, deployment, objects, overlay);
            checkMemory(service, deployment);
            Service svc = find(objects, Service.class, service.name());
            assertThat(svc.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", service.name());
            assertThat(svc.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getTargetPort().getStrVal())
                    .isEqualTo("http"));
            assertThat(find(objects, PodDisruptionBudget.class, service.name()).getSpec().getSelector()
                    .getMatchLabels()).containsEntry("app.kubernetes.io/name", service.name());
            assertThat(find(objects, HorizontalPodAutoscaler.class, service.name()).getSpec().getScaleTargetRef()
                    .getName()).isEqualTo(service.name());
        }

        List<Ingress> ingresses = objects.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
                .toList();
        assertThat(ingresses).as("one Ingress").hasSize(1);
        Set<Suite.Route> ingressPaths = new TreeSet<>((a, b) -> (a.path() + a.pathType())
                .compareTo(b.path() + b.pathType()));
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p ->
                ingressPaths.add(new Suite.Route(p.getPath(), p.getPathType(), p.getBackend().getService().getName()))));
        assertThat(List.copyOf(ingressPaths)).as("Ingress paths = the gateway's route table")
                .containsExactlyElementsOf(List.copyOf(suite.routes()));

        Set<String> defined = new TreeSet<>();
        objects.stream().filter(Secret.class::isInstance).forEach(s -> defined.add(s.getMetadata().getName()));
        defined.addAll(documentedSecrets());
        defined.addAll(generatedSecrets(objects));
        assertThat(defined).as("secrets defined in the overlay, generated by a CloudNativePG Cluster in it, or listed"
                + " in k8s/README.md").containsAll(referencedSecrets(objects));
    }

    private static void checkDeployment(Suite.Service service, Deployment deployment, boolean prod) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().get(0);
        String name = service.name();
        assertThat(app.getPorts()).as("%s ports", name).singleElement().satisfies(p -> {
            assertThat(p.getName()).isEqualTo("http");
            assertThat(p.getContainerPort()).as("%s: its configured port", name).isEqualTo(service.port());
        });
        assertThat(app.getEnv()).as("%s must not override PORT", name).noneMatch(e -> e.getName().equals("PORT"));
        checkProbe(name, app.getLivenessProbe(), "/q/health/live");
        checkProbe(name, app.getReadinessProbe(), "/q/health/ready");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                .containsEntry("prometheus.io/port", String.valueOf(service.port()));
        assertThat(app.getResources().getRequests()).as("%s requests", name).containsKeys("cpu", "memory");
        assertThat(app.getResources().getLimits()).as("%s limits", name).containsKeys("cpu", "memory");
        assertThat(app.getVolumeMounts()).as("%s: a writable /tmp", name)
                .anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
        if (prod) {
            assertThat(deployment.getSpec().getReplicas()).as("%s replicas", name).isGreaterThan(1);
            assertThat(pod.getAffinity().getPodAntiAffinity()).as("%s anti-affinity", name).isNotNull();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        }
    }

    /**
     * The service's credentials come from the Secret CloudNativePG generates for a Cluster of the overlay that
     * bootstraps exactly the service's database (realtime.database), owned by a role of that name, and that no other
     * service uses; the datasource is wired to that Secret's keys; a NetworkPolicy lets the service's pods reach that
     * cluster's pods on 5432.
     */
    private static void checkDatabase(Suite.Service service, Deployment deployment, List<HasMetadata> objects,
            String overlay) {
        String name = service.name();
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<EnvFromSource> fromSecrets = app.getEnvFrom().stream()
                .filter(e -> e.getSecretRef() != null).toList();
        assertThat(fromSecrets).as("%s: one envFrom secretRef, its database Secret", name).hasSize(1);
        String secret = fromSecrets.get(0).getSecretRef().getName();
        String prefix = fromSecrets.get(0).getPrefix() == null ? "" : fromSecrets.get(0).getPrefix();
        assertThat(secret).as("%s: a CloudNativePG application Secret <cluster>-app", name).endsWith("-app");
        String clusterName = secret.substring(0, secret.length() - "-app".length());
        GenericKubernetesResource cluster = objects.stream().filter(o -> o.getKind().equals("Cluster"))
                .map(GenericKubernetesResource.class::cast)
                .filter(o -> o.getMetadata().getName().equals(clusterName)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " reads Secret " + secret + " but the " + overlay
                        + " overlay has no Cluster " + clusterName + " to generate it"));
        Map<?, ?> initdb = initdb(cluster);
        assertThat(initdb).as("Cluster %s: bootstrap.initdb (the operator generates %s only then)", clusterName,
                secret).isNotNull();
        assertThat(initdb.get("database")).as("Cluster %s: database of %s", clusterName, name)
                .isEqualTo(service.database());
        assertThat(initdb.get("owner")).as("Cluster %s: owner of %s's database", clusterName, name)
                .isEqualTo(service.database());
        assertThat(initdb.get("secret")).as("Cluster %s: an operator-generated Secret, not a supplied one",
                clusterName).isNull();

        Map<String, String> env = new HashMap<>();
        app.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        String v = "$(" + prefix;
        assertThat(env).as("%s: datasource from %s's keys", name, secret)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", v + "username)")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", v + "password)")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL",
                        "postgresql://" + v + "host):" + v + "port)/" + v + "dbname)")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                        "jdbc:postgresql://" + v + "host):" + v + "port)/" + v + "dbname)")
                .doesNotContainKeys("DB_USER", "DB_PASSWORD", "DB_REACTIVE_URL", "DB_JDBC_URL");
        long others = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(d -> !d.getMetadata().getName().equals(name))
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnvFrom().stream()).filter(e -> e.getSecretRef() != null)
                .filter(e -> e.getSecretRef().getName().equals(secret)).count();
        assertThat(others).as("%s: its Cluster %s is its own", name, clusterName).isZero();

        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        boolean reachable = objects.stream().filter(NetworkPolicy.class::isInstance).map(NetworkPolicy.class::cast)
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress"))
                .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels()
                        .entrySet()))
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                        && peer.getNamespaceSelector() == null
                        && Map.of("cnpg.io/cluster", clusterName).equals(peer.getPodSelector().getMatchLabels()))
                        && rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 5432));
        assertThat(reachable).as("%s: a NetworkPolicy lets its pods reach Cluster %s's pods on 5432", name,
                clusterName).isTrue();
    }

    /**
     * Memory: the limit covers the request; the JVM's heap (-Xmx, else the limit x MaxRAMPercentage of the image's
     * JAVA_OPTS_APPEND in Dockerfile.jvm or the Deployment's override, else run-java.sh's 80 %) covers the
     * Deployment's heap budget, and what the limit leaves beside the heap covers its non-heap budget (metaspace,
     * code, threads, native models: measured, k8s/README.md "Resources").
     */
    private static void checkMemory(Suite.Service service, Deployment deployment) throws Exception {
        String name = service.name();
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        double request = bytes(app.getResources().getRequests().get("memory"));
        double limit = bytes(app.getResources().getLimits().get("memory"));
        assertThat(limit).as("%s: memory limit >= request", name).isGreaterThanOrEqualTo(request);

        Map<String, String> env = new HashMap<>();
        app.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        assertThat(env).as("%s: JAVA_OPTS would drop the image's JVM options", name).doesNotContainKey("JAVA_OPTS");
        String dockerfile = Files.readString(service.module().resolve("src/main/docker/Dockerfile.jvm"));
        Matcher append = Pattern.compile("ENV JAVA_OPTS_APPEND=\"([^\"]*)\"", Pattern.DOTALL).matcher(dockerfile);
        String opts = env.containsKey("JAVA_OPTS_APPEND") ? env.get("JAVA_OPTS_APPEND")
                : append.find() ? append.group(1) : "";
        Matcher xmx = Pattern.compile("-Xmx(\\d+[kKmMgG]?)").matcher(opts);
        Matcher max = Pattern.compile("-XX:MaxRAMPercentage=([\\d.]+)").matcher(opts);
        Matcher initial = Pattern.compile("-XX:InitialRAMPercentage=([\\d.]+)").matcher(opts);
        double heap;
        if (xmx.find()) {
            heap = javaSize(xmx.group(1));
        } else {
            double percent = max.find() ? Double.parseDouble(max.group(1))
                    : Double.parseDouble(env.getOrDefault("JAVA_MAX_MEM_RATIO", "80"));
            if (initial.find()) {
                assertThat(Double.parseDouble(initial.group(1))).as("%s: InitialRAMPercentage <= MaxRAMPercentage",
                        name).isLessThanOrEqualTo(percent);
            }
            heap = limit * percent / 100;
        }
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        assertThat(annotations).as("%s: its measured memory budgets", name)
                .containsKeys("realtime.io/heap-budget", "realtime.io/non-heap-budget");
        double heapBudget = bytes(new Quantity(annotations.get("realtime.io/heap-budget")));
        double nonHeapBudget = bytes(new Quantity(annotations.get("realtime.io/non-heap-budget")));
        assertThat(heap).as("%s: max heap (%d MiB of a %d MiB limit) >= the heap budget", name, mib(heap), mib(limit))
                .isGreaterThanOrEqualTo(heapBudget);
        assertThat(limit - heap).as("%s: limit - max heap (%d MiB) >= the non-heap budget", name, mib(limit - heap))
                .isGreaterThanOrEqualTo(nonHeapBudget);
    }

    private static double bytes(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).doubleValue();
    }

    private static double javaSize(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        long factor = switch (unit) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        return Double.parseDouble(Character.isDigit(unit) ? size : size.substring(0, size.length() - 1)) * factor;
    }

    private static long mib(double bytes) {
        return Math.round(bytes / (1 << 20));
    }

    private static Map<?, ?> initdb(GenericKubernetesResource cluster) {
        Map<?, ?> spec = (Map<?, ?>) cluster.getAdditionalProperties().get("spec");
        Map<?, ?> bootstrap = (Map<?, ?>) spec.get("bootstrap");
        return bootstrap == null ? null : (Map<?, ?>) bootstrap.get("initdb");
    }

    /** The application Secret (<cluster>-app) CloudNativePG generates for every Cluster bootstrapped by initdb. */
    private static Set<String> generatedSecrets(List<HasMetadata> objects) {
        Set<String> names = new TreeSet<>();
        objects.stream().filter(o -> o.getKind().equals("Cluster")).map(GenericKubernetesResource.class::cast)
                .filter(c -> initdb(c) != null && initdb(c).get("secret") == null)
                .forEach(c -> names.add(c.getMetadata().getName() + "-app"));
        return names;
    }

    private static void checkProbe(String service, Probe probe, String path) {
        assertThat(probe).as("%s probe %s", service, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s probe port", service).isEqualTo("http");
    }

    /** Secrets that Deployments name (volumes, env, envFrom). */
    private static Set<String> referencedSecrets(List<HasMetadata> objects) {
        Set<String> names = new TreeSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                PodSpec pod = d.getSpec().getTemplate().getSpec();
                pod.getVolumes().stream().filter(v -> v.getSecret() != null)
                        .forEach(v -> names.add(v.getSecret().getSecretName()));
                for (Container c : pod.getContainers()) {
                    c.getEnv().stream()
                            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                            .forEach(e -> names.add(e.getValueFrom().getSecretKeyRef().getName()));
                    c.getEnvFrom().stream().filter(e -> e.getSecretRef() != null)
                            .forEach(e -> names.add(e.getSecretRef().getName()));
                }
            }
        }
        return names;
    }

    private static Set<String> documentedSecrets() throws Exception {
        String readme = Files.readString(ROOT.resolve("k8s/README.md"));
        String section = readme.substring(readme.indexOf("## Secrets"));
        Set<String> names = new TreeSet<>();
        Matcher m = DOCUMENTED_SECRET.matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static <T extends HasMetadata> T find(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static String render(String overlay) throws Exception {
        String kubectl = onPath("kubectl");
        if (kubectl == null) {
            System.out.println("k8s-check: SKIPPED, kubectl is not on PATH (install it to render k8s/overlays)");
        }
        Assumptions.assumeTrue(kubectl != null, "kubectl is not on PATH");
        Process process = new ProcessBuilder(kubectl, "kustomize", ROOT.resolve("k8s/overlays/" + overlay).toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s:%n%s", overlay, out).isZero();
        return out;
    }

    private static List<HasMetadata> parse(String yaml) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            KubernetesResource parsed = serialization.unmarshal(document, KubernetesResource.class);
            assertThat(parsed).isInstanceOf(HasMetadata.class);
            HasMetadata object = (HasMetadata) parsed;
            String id = object.getKind() + " " + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                assertThat(CUSTOM_KINDS).as("%s (%s) has no typed model: wrong apiVersion or kind?", id,
                        object.getApiVersion()).contains(object.getKind());
            } else {
                List<String> unknown = new ArrayList<>();
                unknownFields(object, id, unknown, new IdentityHashMap<>());
                assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
            }
            objects.add(object);
        }
        return objects;
    }

    /** Every typed model object keeps fields it does not know in additionalProperties: there must be none. */
    private static void unknownFields(Object value, String where, List<String> unknown, Map<Object, Object> seen) {
        if (value == null || seen.put(value, value) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> unknownFields(v, where + "[]", unknown, seen));
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, where + "." + k, unknown, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(where + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(field, where + "." + getter.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
