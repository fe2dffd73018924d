package io.realtime.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The layout rule every service follows, checked on its sources: folder arrows point one way.
 * <ul>
 * <li>only endpoint packages ({@code <feature>.endpoint}) and {@code connection} itself use {@code connection}
 * (delivery);</li>
 * <li>no class outside an endpoint package uses one;</li>
 * <li>{@code connection} uses no feature's {@code service} (it delivers; it does not decide);</li>
 * <li>no two packages use each other, directly or through others (no cycles).</li>
 * </ul>
 * "Uses" means an import (static or not, of a class or a nested class) of the service's own packages.
 */
public final class ServiceLayout {

    private record Source(String file, String pkg, List<String> importedPackages) {
    }

    private ServiceLayout() {
    }

    /** The breaches of the rule under {@code sourceRoot} for a service whose packages start with {@code base}. */
    public static List<String> violations(Path sourceRoot, String base) {
        List<String> found = new ArrayList<>();
        String connection = base + ".connection";
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source source : sources(sourceRoot)) {
            boolean inEndpoint = source.pkg().endsWith(".endpoint");
            boolean inConnection = source.pkg().equals(connection);
            for (String used : source.importedPackages()) {
                if (!used.startsWith(base + ".") || used.equals(source.pkg())) {
                    continue;
                }
                uses.computeIfAbsent(source.pkg(), pkg -> new TreeSet<>()).add(used);
                if (used.equals(connection) && !inEndpoint && !inConnection) {
                    found.add(source.file() + " uses delivery (" + used + ")");
                }
                if (used.endsWith(".endpoint")) {
                    found.add(source.file() + " uses an endpoint (" + used + ")");
                }
                if (inConnection && used.endsWith(".service")) {
                    found.add(source.file() + " (delivery) uses behaviour (" + used + ")");
                }
            }
        }
        found.addAll(cycles(uses));
        return found;
    }

    private static List<String> cycles(Map<String, Set<String>> uses) {
        Set<String> reported = new TreeSet<>();
        for (String start : uses.keySet()) {
            Set<String> path = new LinkedHashSet<>();
            findCycle(start, start, uses, path, new TreeSet<>(), reported);
        }
        return List.copyOf(reported);
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, Set<String> path,
            Set<String> seen, Set<String> reported) {
        path.add(at);
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                reported.add("cycle: " + String.join(" -> ", cycle));
            } else if (!path.contains(next) && seen.add(next)) {
                findCycle(start, next, uses, path, seen, reported);
            }
        }
        path.remove(at);
    }

    private static List<Source> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(ServiceLayout::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source read(Path file) {
        try {
            String pkg = "";
            List<String> imported = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("package ")) {
                    pkg = trimmed.substring("package ".length(), trimmed.length() - 1);
                } else if (trimmed.startsWith("import ")) {
                    String name = trimmed.substring("import ".length(), trimmed.length() - 1).replace("static ", "");
                    imported.add(packageOf(name));
                }
            }
            return new Source(file.getFileName().toString(), pkg, imported);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The package part of an imported name: its segments up to the first one that names a type. */
    private static String packageOf(String name) {
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("\\.")) {
            if (segment.isEmpty() || Character.isUpperCase(segment.charAt(0)) || segment.equals("*")) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }
}
