package io.realtime.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the service that owns a request path, already normalised by {@link RequestPath}: an exact path first, then the
 * longest matching prefix, then a service's health under {@code /services/<name>/q/health} (forwarded with
 * {@code /services/<name>} removed). Nothing else of a service is reachable: not its other {@code /q/} endpoints
 * (metrics, Dev UI, OpenAPI, Swagger UI), not any other path under {@code /services/}.
 */
public final class RouteTable {

    public static final String SERVICES_PREFIX = "/services/";

    /** The only management paths forwarded, and only under {@code /services/<name>}. */
    public static final Set<String> HEALTH_PATHS = Set.of("/q/health", "/q/health/live", "/q/health/ready",
            "/q/health/started");

    /**
     * @param forwardPath the path to send upstream (differs from the request path only under /services/)
     * @param readOnly true for a service's health: GET and HEAD only
     */
    public record Match(String service, String forwardPath, boolean readOnly) {
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
                validate(service, path);
                if (path.endsWith("/*")) {
                    prefixes.add(new Prefix(path.substring(0, path.length() - 1), service));
                } else {
                    exact.put(path, service);
                }
            }
        });
        prefixes.sort(Comparator.comparingInt((Prefix p) -> p.prefix().length()).reversed());
    }

    /** A route is a normalised path outside {@code /q} and {@code /services}, so no route can reach those. */
    private static void validate(String service, String path) {
        boolean isPrefix = path.endsWith("/*");
        String concrete = isPrefix ? path.substring(0, path.length() - 1) : path;
        String base = isPrefix ? concrete.substring(0, concrete.length() - 1) : concrete;
        boolean normalised = RequestPath.normalise(concrete).map(concrete::equals).orElse(false);
        if (!normalised || isPrefix && base.isEmpty() || isUnder(base, "/q") || isUnder(base, "/services")) {
            throw new IllegalArgumentException("gateway.routes." + service + ".paths: " + path
                    + " must be a normalised path (or prefix /x/*) outside /q and /services");
        }
    }

    /** @param path a path normalised by {@link RequestPath#normalise} */
    public Optional<Match> match(String path) {
        String service = exact.get(path);
        if (service != null) {
            return Optional.of(new Match(service, path, false));
        }
        for (Prefix prefix : prefixes) {
            if (path.startsWith(prefix.prefix())) {
                return Optional.of(new Match(prefix.service(), path, false));
            }
        }
        if (path.startsWith(SERVICES_PREFIX)) {
            int end = path.indexOf('/', SERVICES_PREFIX.length());
            if (end > 0 && services.containsKey(path.substring(SERVICES_PREFIX.length(), end))
                    && HEALTH_PATHS.contains(path.substring(end))) {
                return Optional.of(new Match(path.substring(SERVICES_PREFIX.length(), end), path.substring(end),
                        true));
            }
        }
        return Optional.empty();
    }

    /** @return true for {@code /services} and everything under it: the gateway answers those itself when unmatched */
    public static boolean isServicesPath(String path) {
        return isUnder(path, "/services");
    }

    private static boolean isUnder(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }
}
