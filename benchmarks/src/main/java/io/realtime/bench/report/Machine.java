package io.realtime.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The conditions of a run, said in every report: cores, load, and that the generator shares the box. */
public record Machine(int cores, String loadAverage, long memoryMb, String java, Instant at) {

    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readLoadAverage(), readMemoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), Instant.now());
    }

    public String sentence() {
        return cores + "-core box, generator on the same box as the services, other load present (load average "
                + loadAverage + " at the start); " + memoryMb + " MB RAM; " + java + "; " + at;
    }

    private static String readLoadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long readMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return 0;
    }
}
