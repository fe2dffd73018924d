package io.realtime.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void removesDotSegmentsAfterDecodingUnreservedCharacters() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("/", "/"),
                Map.entry("/api/x", "/api/x"),
                Map.entry("/api/x/", "/api/x/"),
                Map.entry("/a/./b/../c", "/a/c"),
                Map.entry("/a/b/..", "/a/"),
                Map.entry("/a/b/.", "/a/b/"),
                Map.entry("/..", "/"),
                Map.entry("/../../a", "/a"),
                Map.entry("/a/..", "/"),
                Map.entry("/a//b", "/a/b"),
                Map.entry("//a///b//", "/a/b/"),
                Map.entry("/a/%2e%2E/b", "/b"),
                Map.entry("/a/.%2e/%2E./b", "/b"),
                Map.entry("/a/%2e/b", "/a/b"),
                Map.entry("/%61%7e%2D%5f%30", "/a~-_0"),
                Map.entry("/a%20b/%3a%c3%a9", "/a%20b/%3A%C3%A9"),
                Map.entry("/a/.../b", "/a/.../b"),
                Map.entry("/a/b./c", "/a/b./c"),
                Map.entry("/socket.io/", "/socket.io/"),
                Map.entry("/a:b@c!$&'()*+,=", "/a:b@c!$&'()*+,="),
                Map.entry("/a/%2525", "/a/%2525"));
        cases.forEach((raw, normalised) -> assertThat(RequestPath.normalise(raw)).as(raw).contains(normalised));
    }

    @Test
    void refusesWhatCouldStillChangeMeaningUpstream() {
        for (String raw : List.of("", "*", "a/b", "/a%2fb", "/a%2Fb", "/a%5cb", "/a\\b", "/a;b", "/a%3bb", "/a%3Bb",
                "/a/..;/b", "/a%00", "/a%0a", "/a%0D", "/a%7f", "/a%1F", "/a%252e%252e", "/a%252F", "/a%255c",
                "/a%253b", "/a%2500", "/a%", "/a%2", "/a%g0", "/a%u002e", "/a b", "/a\tb", "/a\u0000", "/a\u00e9",
                "/a#b", "/a?b", "/a{b}", "/a|b", "/a\"b", "/a<b>", "/a^b", "/a`b", "/a[b]", "/a%\u0663\u0663")) {
            assertThat(RequestPath.normalise(raw)).as(raw).isEqualTo(Optional.empty());
        }
        assertThat(RequestPath.normalise(null)).isEmpty();
    }

    @Test
    void normalisingTwiceChangesNothing() {
        for (String raw : List.of("/a/./b/../c", "/a/%2e%2e/%41/", "//x//y/..", "/a%20b/%3a")) {
            String once = RequestPath.normalise(raw).orElseThrow();
            assertThat(RequestPath.normalise(once)).contains(once);
        }
    }

    @Test
    void routeTableOnlyMatchesApiPathsAndEachServiceHealth() {
        RouteTable routes = new RouteTable(Map.of("a", List.of("/ws", "/api/a/*"), "b", List.of("/api/b/*")));
        assertThat(routes.match("/ws")).contains(new RouteTable.Match("a", "/ws", false));
        assertThat(routes.match("/api/a/x")).contains(new RouteTable.Match("a", "/api/a/x", false));
        assertThat(routes.match("/api/b/")).contains(new RouteTable.Match("b", "/api/b/", false));
        for (String health : RouteTable.HEALTH_PATHS) {
            assertThat(routes.match("/services/b" + health)).contains(new RouteTable.Match("b", health, true));
        }
        for (String path : List.of("/ws/", "/api/a", "/api/c/x", "/services/a/q/metrics", "/services/a/q/dev-ui",
                "/services/a/q/openapi", "/services/a/q/swagger-ui", "/services/a/api/a/x", "/services/a/",
                "/services/a", "/services/c/q/health", "/services/a/q/health/", "/services/a/q/health/x",
                "/q/health", "/q/metrics")) {
            assertThat(routes.match(path)).as(path).isEmpty();
        }
    }

    @Test
    void routeTableRefusesRoutesThatCouldReachManagementPaths() {
        for (String path : List.of("/*", "/q/*", "/q", "/q/metrics", "/services/*", "/services/a/q/*",
                "/api/../q/*", "/api//x", "/api/%2e/*", "/api;x/*", "api/*")) {
            assertThatThrownBy(() -> new RouteTable(Map.of("a", List.of(path)))).as(path)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
