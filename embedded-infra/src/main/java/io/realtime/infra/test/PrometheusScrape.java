package io.realtime.infra.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a service's {@code /q/metrics} (Prometheus text format), read the way a dashboard would. */
public final class PrometheusScrape {

    /** {@code name{labels} value [# exemplar]}; label values may hold any character, quoted. */
    private static final Pattern SAMPLE = Pattern.compile(
            "^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[^\"}]|\"(?:[^\"\\\\]|\\\\.)*\")*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    public static PrometheusScrape of(URI base) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/q/metrics answered " + response.statusCode());
            }
            return new PrometheusScrape(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A gauge once it has stopped moving (two equal reads 200 ms apart, within 5 s): for example open connections
     * after earlier tests' sockets have finished closing.
     */
    public static double settled(URI base, String name, Map<String, String> labels) {
        double last = of(base).value(name, labels);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            sleep(200);
            double now = of(base).value(name, labels);
            if (now == last) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException(name + " " + labels + " kept moving for 5 s");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}; 0 if there is none. */
    public double value(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Whether any sample of {@code name} carries all of {@code labels}. */
    public boolean has(String name, Map<String, String> labels) {
        return !samples(name, labels).isEmpty();
    }

    private List<Double> samples(String name, Map<String, String> labels) {
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                values.add(Double.parseDouble(sample.group(4)));
            }
        }
        return values;
    }

    public String text() {
        return text;
    }
}
