package io.realtime.kit.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/** Every meter of a service carries {@code service=<quarkus.application.name>}, so dashboards can tell them apart. */
public class ServiceTag {

    public static final String TAG = "service";

    @Produces
    @Singleton
    MeterFilter serviceTag(@ConfigProperty(name = "quarkus.application.name") String service) {
        return MeterFilter.commonTags(Tags.of(TAG, service));
    }
}
