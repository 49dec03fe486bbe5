package dev.gofer.scheduler.taskrun.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.events.TopicProvisioner;

/** Creates missing Gofer topics (8 partitions each, with dead-letter twins) when the worker starts. */
@ApplicationScoped
public class TopicStartup {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event) {
        TopicProvisioner.ensureAll(bootstrapServers);
    }
}
