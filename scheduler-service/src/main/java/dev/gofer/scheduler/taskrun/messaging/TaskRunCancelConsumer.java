package dev.gofer.scheduler.taskrun.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.Topics;
import dev.gofer.scheduler.taskrun.service.TaskRunCanceller;

/**
 * Consumes {@link Topics#TASK_RUNS_CANCEL} in a consumer group of this worker's own, so that every worker sees every
 * cancel; the one holding the container stops it.
 */
@ApplicationScoped
public class TaskRunCancelConsumer {

    private final TaskRunCanceller canceller;

    public TaskRunCancelConsumer(TaskRunCanceller canceller) {
        this.canceller = canceller;
    }

    @Incoming(Channels.TASK_RUNS_CANCEL_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Envelope<? extends TaskRunEvent> envelope = EventCodec.decode(record.value(), TaskRunEvent.class);
        if (!(envelope.payload() instanceof TaskRunCancel cancel)) {
            throw new InvalidEventException(
                    "event type '" + envelope.type() + "' does not belong on " + Topics.TASK_RUNS_CANCEL);
        }
        canceller.cancel(cancel);
    }
}
