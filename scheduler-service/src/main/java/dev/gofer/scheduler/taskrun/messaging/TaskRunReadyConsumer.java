package dev.gofer.scheduler.taskrun.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.Topics;
import dev.gofer.scheduler.taskrun.service.TaskRunLauncher;

/**
 * Consumes {@link Topics#TASK_RUNS_READY}. Returns once the container runs (or the task run was reported failed), so
 * the offset is committed only when the container is the durable fact. A record that does not decode to a
 * {@link TaskRunReady} is thrown back and lands on the dead-letter topic with the reason.
 */
@ApplicationScoped
public class TaskRunReadyConsumer {

    private final TaskRunLauncher launcher;

    public TaskRunReadyConsumer(TaskRunLauncher launcher) {
        this.launcher = launcher;
    }

    @Incoming(Channels.TASK_RUNS_READY_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        Envelope<? extends TaskRunEvent> envelope = EventCodec.decode(record.value(), TaskRunEvent.class);
        if (!(envelope.payload() instanceof TaskRunReady ready)) {
            throw new InvalidEventException(
                    "event type '" + envelope.type() + "' does not belong on " + Topics.TASK_RUNS_READY);
        }
        launcher.launch(ready);
    }
}
