package io.realtime.media;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.realtime.infra.test.EmbeddedInfraResource;

/** Every test of this module runs against real PostgreSQL (database {@code media}) and Kafka. */
@WithTestResource(value = EmbeddedInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = EmbeddedInfraResource.DATABASE_ARG, value = "media"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
