package dev.gofer.store.common.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TopicProvisioner;

/** Kafka plumbing: topics exist before the consumer starts, and one idempotent publisher, closed on shutdown. */
@Singleton
public class MessagingSetup {

    private static final Logger LOG = Logger.getLogger(MessagingSetup.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Runs before reactive messaging starts its connectors (which observe startup at LIBRARY_BEFORE). */
    void ensureTopics(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        TopicProvisioner.ensureAll(bootstrapServers);
        LOG.infof("Kafka topics ensured on %s", bootstrapServers);
    }

    @Produces
    @Singleton
    EventPublisher eventPublisher() {
        return EventPublisher.create(bootstrapServers, "gofer-store-publisher", 0);
    }

    void closePublisher(@Disposes EventPublisher publisher) {
        publisher.close();
    }
}
