package dev.gofer.trigger.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TopicProvisioner;

/** Creates the contract's topics on startup and produces the service's one {@link EventPublisher}. */
@ApplicationScoped
public class KafkaSetup {

    private static final Logger LOG = Logger.getLogger(KafkaSetup.class);

    /** Client id of the producer; every trigger-service instance uses the same one. */
    static final String CLIENT_ID = "gofer-trigger";

    private final String bootstrapServers;

    public KafkaSetup(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    void provisionTopics(@Observes StartupEvent event) {
        TopicProvisioner.ensureAll(bootstrapServers);
        LOG.infof("Kafka topics present on %s", bootstrapServers);
    }

    /** Idempotent producer with acks=all and linger 0: a fire is published as soon as it is due. */
    @Produces
    @Singleton
    EventPublisher eventPublisher() {
        return EventPublisher.create(bootstrapServers, CLIENT_ID, 0);
    }

    void closeEventPublisher(@Disposes EventPublisher publisher) {
        publisher.close();
    }
}
