package dev.gofer.api.run.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.run.service.RunService;
import dev.gofer.events.EventCodec;
import dev.gofer.events.RunEvent;
import dev.gofer.events.RunRequested;

/**
 * Run requests from any producer. An undecodable record, or a request for a pipeline that cannot run, goes to
 * {@code gofer.run-requests.dlq} with the reason in its headers, and consumption goes on.
 */
@ApplicationScoped
public class RunRequestConsumer {

    @Inject
    RunService runs;

    @Incoming(Channels.RUN_REQUESTS_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        var envelope = EventCodec.decode(record.value(), RunEvent.class);
        if (envelope.payload() instanceof RunRequested request) {
            runs.onRunRequested(envelope.eventId(), envelope.occurredAt(), request);
        }
    }
}
