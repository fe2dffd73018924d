package io.realtime.gateway.routing;

import java.util.Optional;

/**
 * Where a request goes: one of {@code service}'s instances, {@code preferred} first (the instance holding the
 * request's session), and what is done with the answer.
 */
record Destination(String service, Optional<Instance> preferred, AnswerHook hook) {

    static Destination anyInstance(String service) {
        return new Destination(service, Optional.empty(), AnswerHook.NONE);
    }
}
