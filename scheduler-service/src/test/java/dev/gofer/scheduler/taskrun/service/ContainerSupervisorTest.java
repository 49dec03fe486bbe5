package dev.gofer.scheduler.taskrun.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TaskRunRef;
import dev.gofer.scheduler.config.SchedulerConfig;
import dev.gofer.scheduler.config.WorkerIdentity;
import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.LocalImages;

/**
 * Containers found by label (a restarted worker adopting them) are masked like the ones it started itself; on shutdown
 * exited containers whose end was reported are removed, running ones stay.
 */
@QuarkusTest
@WithTestResource(GoferInfraResource.class)
class ContainerSupervisorTest {

    @Inject
    ContainerSupervisor supervisor;

    @Inject
    ContainerRuntime runtime;

    @Inject
    EventPublisher publisher;

    @Inject
    SchedulerConfig config;

    @Inject
    WorkerIdentity worker;

    @Inject
    TaskRunCanceller canceller;

    @Test
    void shouldMaskSecretEnvNamedByLabelWhenContainerIsFoundByLabels() {
        TaskRunRef ref = new TaskRunRef("ns", "p-" + UUID.randomUUID().toString().substring(0, 8), 1, "task");
        String containerId = runtime.createAndStart(new ContainerSpec(ImageRef.parse(LocalImages.BUSYBOX),
                TaskRunContainers.name(ref, 1), List.of(), List.of("sleep", "30"),
                Map.of("API_KEY", "adopted-secret-value", "MODE", "plain-value"),
                TaskRunContainers.labels(ref, 1, "gone-worker", List.of("API_KEY")), "none"));
        try {
            ContainerInfo found = runtime.listByLabels(TaskRunContainers.identity(ref, 1)).get(0);

            SecretMasker masker = supervisor.maskerOf(found);

            assertThat(masker.mask("key adopted-secret-value mode plain-value"))
                    .isEqualTo("key *** mode plain-value");
        } finally {
            runtime.remove(containerId);
        }
    }

    @Test
    void shouldRemoveReportedExitedContainersAndLeaveRunningOnesWhenStopping() {
        ContainerSupervisor stopping = new ContainerSupervisor(runtime, publisher, config, worker, canceller);
        TaskRunRef done = newRef();
        TaskRunRef running = newRef();
        // Labelled with a worker id of their own, so the application's reaper leaves them to this test.
        String doneId = start(done, "true");
        String runningId = start(running, "sleep 60");
        try {
            stopping.adopt(done, 1, doneId, WatchPolicy.of(SecretMasker.none()));
            stopping.adopt(running, 1, runningId, WatchPolicy.of(SecretMasker.none()));
            await().atMost(Duration.ofSeconds(30)).until(() -> !stopping.isWatching(doneId)
                    && stopping.held().stream().anyMatch(h -> h.taskRun().equals(done)));

            stopping.stop();

            assertThat(runtime.inspect(doneId)).as("exited and reported: removed").isEmpty();
            assertThat(runtime.inspect(runningId)).as("still running: left for the next incarnation to adopt")
                    .hasValueSatisfying(c -> assertThat(c.exited()).isFalse());
        } finally {
            runtime.remove(doneId);
            runtime.remove(runningId);
        }
    }

    private static TaskRunRef newRef() {
        return new TaskRunRef("ns", "p-" + UUID.randomUUID().toString().substring(0, 8), 1, "task");
    }

    private String start(TaskRunRef ref, String script) {
        return runtime.createAndStart(new ContainerSpec(ImageRef.parse(LocalImages.BUSYBOX),
                TaskRunContainers.name(ref, 1), List.of(), List.of("sh", "-c", script), Map.of(),
                TaskRunContainers.labels(ref, 1, "supervisor-stop-test", List.of()), "none"));
    }
}
