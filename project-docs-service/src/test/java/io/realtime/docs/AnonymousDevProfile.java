package io.realtime.docs;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The run command's set-up: clients without a token admitted (docs.auth.required=false), the demo project seeded;
 * and a fast heartbeat.
 */
public class AnonymousDevProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("docs.auth.required", "false",
                "docs.seed-demo", "true",
                "docs.socketio.ping-interval", "300ms",
                "docs.socketio.ping-timeout", "300ms");
    }
}
