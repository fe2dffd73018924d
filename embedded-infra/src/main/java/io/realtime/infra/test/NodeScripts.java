package io.realtime.infra.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the guides' JavaScript clients (a folder with package.json and a script) with the machine's Node.js. */
public final class NodeScripts {

    private NodeScripts() {
    }

    /** Whether {@code node} and {@code npm} can be run here (they are on our build machines; a JDK-only one lacks them). */
    public static boolean available() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** {@code npm ci} once, if the folder's dependencies are not installed yet. */
    public static void install(Path dir) {
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(3));
        }
    }

    /**
     * Runs {@code command} in {@code dir} and returns its output; fails on a non-zero exit or a timeout. Only the
     * first two words of the command are ever reported, since later ones may be tokens.
     */
    public static String run(Path dir, List<String> command, Duration timeout) {
        String name = String.join(" ", command.subList(0, Math.min(2, command.size())));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                throw new AssertionError(name + " timed out: " + output);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + name + " (is Node.js installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + " interrupted", e);
        }
    }

    /** The last line of the output: where the scripts print their JSON summary. */
    public static String lastLine(String output) {
        String[] lines = output.trim().split("\n");
        return lines[lines.length - 1];
    }
}
