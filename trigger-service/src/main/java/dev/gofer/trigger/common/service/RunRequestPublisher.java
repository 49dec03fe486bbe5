package dev.gofer.trigger.common.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.RunRequested;
import dev.gofer.events.Topics;
import dev.gofer.trigger.common.config.MessagingConfig;

/** Publishes run requests on {@link Topics#RUN_REQUESTS}, keyed {@code namespace/pipeline}. */
@ApplicationScoped
public class RunRequestPublisher {

    private final EventPublisher publisher;
    private final MessagingConfig config;

    public RunRequestPublisher(EventPublisher publisher, MessagingConfig config) {
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Publishes under a caller-chosen, deterministic {@code eventId} and returns once the broker has the record:
     * api-service dedupes on the id, so publishing the same fire again does not start a second run.
     *
     * @throws EventPublisher.PublishException when the broker did not take the record in time
     */
    public void publish(String eventId, RunRequested request) {
        publisher.publishAndWait(Topics.RUN_REQUESTS, Envelope.withId(eventId, request.key(), request),
                config.publishTimeout());
    }
}
