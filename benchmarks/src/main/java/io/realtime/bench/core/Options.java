package io.realtime.bench.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code <scenario> --name value ...}: the scenario's name and its options, typed on reading, bounded by callers. */
public record Options(String scenario, Map<String, String> values) {

    public static Options parse(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new IllegalArgumentException("usage: bench <scenario>|all [--option value]...");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + arg);
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(arg.substring(2), args.get(++i));
            } else {
                values.put(arg.substring(2), "true");
            }
        }
        return new Options(args.get(0), values);
    }

    public Options withScenario(String name) {
        return new Options(name, values);
    }

    /** The same options with one of them set (or replaced). */
    public Options with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Options(scenario, copy);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /** An integer option within [min, max]: every count the tool uses is bounded. */
    public int integer(String name, int fallback, int min, int max) {
        int value;
        try {
            value = values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be from " + min + " to " + max);
        }
        return value;
    }

    /** A duration option ({@code 30s}, {@code 500ms}, {@code 2m}) of at most {@code max}. */
    public Duration duration(String name, Duration fallback, Duration max) {
        Duration value;
        try {
            value = values.containsKey(name) ? parseDuration(values.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 30s, 500ms or 2m");
        }
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("--" + name + " must be from 0 to " + max.toSeconds() + "s");
        }
        return value;
    }

    static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("h")) {
            return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        String seconds = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        return Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
    }
}
