package io.realtime.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the service that owns a request path: an exact path first, then the longest matching prefix, then
 * {@code /services/<name>/...} (forwarded with that prefix removed).
 */
public final class RouteTable {

    public static final String SERVICES_PREFIX = "/services/";

    /** @param forwardPath the path to send upstream (differs from the request path only under /services/) */
    public record Match(String service, String forwardPath) {
    }

    private record Prefix(String prefix, String service) {
    }

    private final Map<String, String> exact = new HashMap<>();
    private final List<Prefix> prefixes = new ArrayList<>();
    private final Map<String, Boolean> services = new HashMap<>();

    public RouteTable(Map<String, List<String>> pathsByService) {
        pathsByService.forEach((service, paths) -> {
            services.put(service, Boolean.TRUE);
            for (String path : paths) {
                if (path.endsWith("/*")) {
                    prefixes.add(new Prefix(path.substring(0, path.length() - 1), service));
                } else {
                    exact.put(path, service);
                }
            }
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
    }

    public Optional<Match> match(String path) {
        String service = exact.get(path);
        if (service != null) {
            return Optional.of(new Match(service, path));
        }
        for (Prefix prefix : prefixes) {
            if (path.startsWith(prefix.prefix())) {
                return Optional.of(new Match(prefix.service(), path));
            }
        }
        if (path.startsWith(SERVICES_PREFIX)) {
            int end = path.indexOf('/', SERVICES_PREFIX.length());
            String name = end < 0 ? path.substring(SERVICES_PREFIX.length())
                    : path.substring(SERVICES_PREFIX.length(), end);
            if (services.containsKey(name)) {
                return Optional.of(new Match(name, end < 0 ? "/" : path.substring(end)));
            }
        }
        return Optional.empty();
    }
}
