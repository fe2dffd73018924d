package io.realtime.bench.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.realtime.bench.core.Run;
import io.realtime.bench.core.Scenario;
import io.realtime.bench.core.ServiceProcess;
import io.realtime.bench.core.Suite;
import io.realtime.bench.idle.ProcessMemory;
import io.realtime.bench.report.Result;

/**
 * Each service's packaged JVM started {@code --repetitions} times on a free port against the running suite's
 * PostgreSQL and Kafka: JVM spawn -> first 200 of {@code /q/health/ready}, Quarkus' "started in", and RSS and heap
 * used at that moment (heap as it is, no GC first). One JVM at a time; each is stopped before the next starts.
 */
public final class StartUpScenario implements Scenario {

    private static final String DEFAULT_JVM = "-Xms64m -Xmx512m";

    @Override
    public String name() {
        return "start-up";
    }

    @Override
    public String goal() {
        return "JVM start to ready (/q/health/ready 200) per service: <= 1.0 s";
    }

    @Override
    public Result run(Run run) throws Exception {
        Suite suite = Suite.from(run.options());
        List<Service> services = Service.named(run.options().string("services",
                String.join(",", Service.ALL.stream().map(Service::name).toList())));
        int repetitions = run.options().integer("repetitions", 3, 1, 20);
        String jvm = run.options().string("jvm-args", DEFAULT_JVM);
        List<String> jvmArgs = Arrays.stream(jvm.split(" ")).filter(arg -> !arg.isBlank()).toList();
        Path logs = suite.root().resolve("benchmarks/target/service-logs");
        boolean appCds = run.options().flag("appcds");
        Map<Service, List<String>> argsOf = new LinkedHashMap<>();
        for (Service service : services) {
            argsOf.put(service, appCds ? trainAppCds(run, suite, service, jvmArgs, logs) : jvmArgs);
        }
        List<Start> starts = new ArrayList<>();
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (Service service : services) {
                run.progress().phase(service.name() + ", start " + repetition + " of " + repetitions);
                Start start = startOnce(suite, service, argsOf.get(service),
                        logs.resolve("startup-" + service.name() + ".log"));
                run.meter().latency("ready, " + service.name()).record(start.readyNanos());
                run.meter().counter("started").increment();
                starts.add(start);
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("services", services.stream().map(Service::module).toList());
        parameters.put("repetitions", repetitions);
        parameters.put("JVM options", jvm + (appCds ? " -XX:SharedArchiveFile=<service>.jsa (AppCDS, dynamic "
                + "archive written by a training start of the same jar)" : ""));
        parameters.put("PostgreSQL, Kafka", "127.0.0.1:" + suite.pgPort() + ", " + suite.kafka());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Service service : services) {
            List<Start> mine = starts.stream().filter(start -> start.service().equals(service)).toList();
            metrics.put(service.name() + ": ready (s), median [min-max]", spread(mine, Start::readySeconds));
            metrics.put(service.name() + ": Quarkus 'started in' (s), median", median(mine, Start::startedInSeconds));
            metrics.put(service.name() + ": RSS at ready (MB), median", median(mine, s -> s.rssKb() / 1024.0));
            metrics.put(service.name() + ": heap used at ready (MB), median", median(mine, s -> s.heapKb() / 1024.0));
        }
        metrics.put("starts within the 1.0 s goal", starts.stream().filter(s -> s.readySeconds() <= 1.0).count()
                + " of " + starts.size());
        return new Result(name(), goal(), "packaged JVMs on free ports", parameters, metrics,
                run.meter().summaries(), run.progress().ticks(), List.of(
                        "ready = from spawning `java -jar quarkus-run.jar` to the first 200 of /q/health/ready "
                                + "(polled every 5 ms): JVM start, Quarkus boot, Flyway check, connections to "
                                + "PostgreSQL and Kafka; 'started in' is Quarkus' own figure from its log",
                        "services run with SEED_DEMO=false; one JVM at a time, stopped before the next; the "
                                + "repetitions go round the services, so every service sees a similar page cache",
                        "logs: " + logs));
    }

    /** A start (not measured) that writes a dynamic CDS archive at exit; the JVM options to use it. */
    private static List<String> trainAppCds(Run run, Suite suite, Service service, List<String> jvmArgs, Path logs)
            throws Exception {
        run.progress().phase(service.name() + ": AppCDS training start");
        Path archive = logs.resolve(service.name() + ".jsa");
        Files.deleteIfExists(archive);
        List<String> training = new ArrayList<>(jvmArgs);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        Map<String, String> environment = suite.environment(service.database(), ServiceProcess.freePort());
        try (ServiceProcess process = ServiceProcess.start(suite.jar(service.module()), training, environment,
                logs.resolve("appcds-" + service.name() + ".log"))) {
            process.awaitReady(Duration.ofSeconds(120));
            process.stop(Duration.ofMinutes(3));
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no CDS archive was written to " + archive);
        }
        List<String> using = new ArrayList<>(jvmArgs);
        using.add("-XX:SharedArchiveFile=" + archive);
        return using;
    }

    private static Start startOnce(Suite suite, Service service, List<String> jvmArgs, Path log)
            throws Exception {
        Map<String, String> environment = suite.environment(service.database(), ServiceProcess.freePort());
        try (ServiceProcess process = ServiceProcess.start(suite.jar(service.module()), jvmArgs, environment, log)) {
            long nanos = process.awaitReady(Duration.ofSeconds(120));
            ProcessMemory.Sample memory = new ProcessMemory(process.pid()).now();
            return new Start(service, nanos, process.startedIn().orElse(-1), memory.rssKb(), memory.heapKb());
        }
    }

    private static String spread(List<Start> starts, ToDoubleFunction<Start> value) {
        double[] sorted = starts.stream().mapToDouble(value).sorted().toArray();
        return String.format("%.2f [%.2f-%.2f]", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
    }

    private static double median(List<Start> starts, ToDoubleFunction<Start> value) {
        double[] sorted = starts.stream().mapToDouble(value).sorted().toArray();
        return Math.round(sorted[sorted.length / 2] * 100) / 100.0;
    }
}
