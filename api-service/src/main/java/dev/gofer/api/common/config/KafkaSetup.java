package dev.gofer.api.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TopicProvisioner;

/** The service's one Kafka producer, and the topics it relies on. */
@ApplicationScoped
public class KafkaSetup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void provisionTopics(@Observes StartupEvent startup) {
        TopicProvisioner.ensureAll(bootstrapServers);
    }

    @Produces
    @Singleton
    EventPublisher publisher() {
        return EventPublisher.create(bootstrapServers, "gofer-api", 0);
    }

    void close(@Disposes EventPublisher publisher) {
        publisher.close();
    }
}
