package dev.gofer.scheduler.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TransitSealer;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.docker.DockerContainerRuntime;
import dev.gofer.scheduler.container.docker.DockerSettings;

/** The worker's long-lived clients: the container runtime, the Kafka publisher, the transit sealer. */
@Singleton
public class InfrastructureProducers {

    @Produces
    @Singleton
    ContainerRuntime containerRuntime(SchedulerConfig config) {
        // Each running task holds a log follow and, at the end, a wait: two streaming connections per slot.
        return new DockerContainerRuntime(new DockerSettings(config.dockerHost(), config.dockerConnectTimeout(),
                config.dockerResponseTimeout(), 2 * config.maxConcurrent() + 4));
    }

    void closeContainerRuntime(@Disposes ContainerRuntime runtime) {
        runtime.close();
    }

    @Produces
    @Singleton
    EventPublisher eventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            WorkerIdentity worker) {
        return EventPublisher.create(bootstrapServers,
                "gofer-scheduler-" + worker.id().replaceAll("[^a-zA-Z0-9._-]", "_"), 0);
    }

    void closeEventPublisher(@Disposes EventPublisher publisher) {
        publisher.close();
    }

    /** Opens sealed values; fails startup when {@code gofer.transit-key} is missing or not 32 bytes of base64. */
    @Produces
    @Singleton
    TransitSealer transitSealer(@ConfigProperty(name = "gofer.transit-key") String transitKey) {
        return TransitSealer.fromBase64(transitKey);
    }
}
