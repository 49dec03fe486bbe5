package dev.gofer.trigger.common.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.support.auth.PublishedTokens;

/**
 * trigger-service checks tokens itself, from the grants api-service publishes on {@code gofer.tokens}; not ready until
 * it has read them all.
 */
@ApplicationScoped
@Default // @Readiness is a qualifier: without @Default the auth filter would not find this directory
@Readiness
public class TokenGrants extends PublishedTokens implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event) {
        start(bootstrapServers, "gofer-trigger");
    }

    @PreDestroy
    void onStop() {
        stop();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("token grants").status(ready()).build();
    }
}
