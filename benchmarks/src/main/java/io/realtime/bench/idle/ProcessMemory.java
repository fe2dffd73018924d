package io.realtime.bench.idle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's memory seen from outside: RSS from /proc/PID/status, and heap used after a full GC through
 * {@code jcmd PID GC.run} then {@code GC.heap_info} (or as it is, without the GC). Blocking: called from the main
 * thread only.
 */
public final class ProcessMemory {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;

    public ProcessMemory(long pid) {
        this.pid = pid;
    }

    /** One sample after a full GC and a short settle. */
    public Sample sample() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(Duration.ofMillis(500).toMillis());
        return now();
    }

    /** One sample as the process is (no GC first): heap used then includes garbage not yet collected. */
    public Sample now() throws IOException, InterruptedException {
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        long heapKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        return new Sample(rssKb(), heapKb);
    }

    /** Kilobytes. */
    public record Sample(long rssKb, long heapKb) {
    }

    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("jcmd " + command + " did not answer in 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + ": " + output);
        }
        return output;
    }
}
