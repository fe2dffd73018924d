package io.realtime.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
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
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Renders each overlay with {@code kubectl kustomize}, parses every object into fabric8's typed model (strictly: a
 * field the model does not know fails, and only the operators' custom resources may stay generic) and checks it
 * against the repository: services, ports, probes, resources, security, routes, topics and secrets.
 */
class ManifestsTest {

    /** Custom resources of Strimzi and CloudNativePG: no typed model here, parsed as generic resources. */
    private static final Set<String> CUSTOM_KINDS = Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster",
            "Database");
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
        assertThat(defined).as("secrets defined in the overlay or listed in k8s/README.md")
                .containsAll(referencedSecrets(objects));
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

    private static void checkProbe(String service, Probe probe, String path) {
        assertThat(probe).as("%s probe %s", service, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("%s probe port", service).isEqualTo("http");
    }

    /** Secrets that Deployments and the PostgreSQL cluster's roles name. */
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
            if (o.getKind().equals("Cluster")) {
                Map<?, ?> spec = (Map<?, ?>) ((GenericKubernetesResource) o).getAdditionalProperties().get("spec");
                Object roles = ((Map<?, ?>) spec.get("managed")).get("roles");
                for (Object role : (List<?>) roles) {
                    names.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) role).get("passwordSecret")).get("name")));
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
