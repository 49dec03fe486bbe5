package dev.gofer.scheduler.taskrun.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.gofer.events.TaskRunRef;
import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.LocalImages;

/** Containers found by label (a restarted worker adopting them) are masked like the ones it started itself. */
@QuarkusTest
@WithTestResource(GoferInfraResource.class)
class ContainerSupervisorTest {

    @Inject
    ContainerSupervisor supervisor;

    @Inject
    ContainerRuntime runtime;

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
}
