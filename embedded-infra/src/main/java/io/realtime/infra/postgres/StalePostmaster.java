package io.realtime.infra.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A SIGKILLed JVM leaves its postgres running with the data directory locked. This finds that postmaster from
 * {@code postmaster.pid} and stops it: SIGINT (PostgreSQL's fast shutdown) first, SIGKILL if it does not go.
 */
final class StalePostmaster {

    private StalePostmaster() {
    }

    static Optional<ProcessHandle> find(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(StalePostmaster::isPostgres);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // the command may be hidden from us; a live PID from this data directory's lock file is then trusted
        return process.info().command().map(command -> command.contains("postgres")).orElse(true);
    }

    static void stopIfRunning(Path dataDirectory, Duration timeout) {
        find(dataDirectory).ifPresent(postmaster -> {
            System.out.println("Stopping PostgreSQL left running by an earlier run (pid " + postmaster.pid() + ")");
            signal(postmaster.pid(), "INT");
            if (!waitForExit(postmaster, timeout)) {
                postmaster.destroyForcibly();
                waitForExit(postmaster, Duration.ofSeconds(5));
            }
        });
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !process.isAlive();
    }
}
