package dev.gofer.api.run.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.run.service.RunQueries;
import dev.gofer.events.EventCodec;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogEvent;

/** Log chunks from workers, stored by (task run, attempt, seq): a redelivered chunk stores nothing twice. */
@ApplicationScoped
public class LogChunkConsumer {

    @Inject
    RunQueries runs;

    @Incoming(Channels.TASK_RUN_LOGS_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        var envelope = EventCodec.decode(record.value(), LogEvent.class);
        if (envelope.payload() instanceof LogChunk chunk) {
            runs.appendLogs(chunk);
        }
    }
}
