package io.realtime.docs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.realtime.infra.test.EmbeddedInfraResource;

/** Every test of this module runs against real PostgreSQL (database {@code docs}) and Kafka. */
@WithTestResource(value = EmbeddedInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = EmbeddedInfraResource.DATABASE_ARG, value = "docs"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
