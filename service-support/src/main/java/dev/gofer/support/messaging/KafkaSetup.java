package dev.gofer.support.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.StartupEvent;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TopicProvisioner;

/**
 * Creates the contract's topics (with their dead-letter twins) before reactive messaging starts its consumers, and
 * produces the service's one idempotent {@link EventPublisher} (acks=all, linger 0), closed on shutdown. Its client id
 * is {@code gofer.kafka.client-id}; a service that needs another client id per instance produces its own publisher.
 */
@Singleton
public class KafkaSetup {

    private static final Logger LOG = Logger.getLogger(KafkaSetup.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "gofer.kafka.client-id", defaultValue = "${quarkus.application.name}")
    String clientId;

    /** Runs before reactive messaging starts its connectors (which observe startup at LIBRARY_BEFORE). */
    void ensureTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        TopicProvisioner.ensureAll(bootstrapServers);
        LOG.infof("Kafka topics ensured on %s", bootstrapServers);
    }

    @Produces
    @Singleton
    @DefaultBean
    EventPublisher eventPublisher() {
        return EventPublisher.create(bootstrapServers, clientId, 0);
    }

    void closePublisher(@Disposes EventPublisher publisher) {
        publisher.close();
    }
}
