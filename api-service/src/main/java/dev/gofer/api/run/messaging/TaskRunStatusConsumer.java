package dev.gofer.api.run.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.run.service.Orchestrator;
import dev.gofer.events.EventCodec;
import dev.gofer.events.TaskRunEvent;

/** Task-run status from store-service and workers; each event advances the run's DAG. */
@ApplicationScoped
public class TaskRunStatusConsumer {

    @Inject
    Orchestrator orchestrator;

    @Incoming(Channels.TASK_RUN_STATUS_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        var envelope = EventCodec.decode(record.value(), TaskRunEvent.class);
        orchestrator.onStatus(envelope.eventId(), envelope.occurredAt().toEpochMilli(), envelope.payload());
    }
}
