package io.realtime.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The layout rule every service follows, checked on its sources: folder arrows point one way.
 * <ul>
 * <li>only endpoint packages ({@code <feature>.endpoint}) and {@code connection} itself import {@code connection}
 * (delivery);</li>
 * <li>no class outside an endpoint package imports one;</li>
 * <li>{@code connection} imports no feature's {@code service} (it delivers; it does not decide).</li>
 * </ul>
 */
public final class ServiceLayout {

    private record Source(String file, String pkg, List<String> imports) {
    }

    private ServiceLayout() {
    }

    /** The breaches of the rule under {@code sourceRoot} for a service whose packages start with {@code base}. */
    public static List<String> violations(Path sourceRoot, String base) {
        List<String> found = new ArrayList<>();
        String connection = base + ".connection";
        for (Source source : sources(sourceRoot)) {
            boolean inEndpoint = source.pkg().endsWith(".endpoint");
            boolean inConnection = source.pkg().equals(connection);
            for (String imported : source.imports()) {
                String importedPackage = imported.substring(0, imported.lastIndexOf('.'));
                if (importedPackage.equals(connection) && !inEndpoint && !inConnection) {
                    found.add(source.file() + " imports delivery " + imported);
                }
                if (importedPackage.startsWith(base) && importedPackage.endsWith(".endpoint")
                        && !importedPackage.equals(source.pkg())) {
                    found.add(source.file() + " imports an endpoint " + imported);
                }
                if (inConnection && importedPackage.startsWith(base) && importedPackage.endsWith(".service")) {
                    found.add(source.file() + " (delivery) imports behaviour " + imported);
                }
            }
        }
        return found;
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
            List<String> imports = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("package ")) {
                    pkg = trimmed.substring("package ".length(), trimmed.length() - 1);
                } else if (trimmed.startsWith("import ") && !trimmed.startsWith("import static ")) {
                    imports.add(trimmed.substring("import ".length(), trimmed.length() - 1));
                }
            }
            return new Source(file.getFileName().toString(), pkg, imports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
