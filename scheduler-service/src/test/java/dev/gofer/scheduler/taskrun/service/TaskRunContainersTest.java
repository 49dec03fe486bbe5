package dev.gofer.scheduler.taskrun.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.events.TaskRunRef;
import dev.gofer.scheduler.container.ContainerSpec;

class TaskRunContainersTest {

    private static final TaskRunRef REF = new TaskRunRef("default", "build", 7, "test");

    @Test
    void shouldNameContainerAfterTaskRunWhenIdsAreClean() {
        assertThat(TaskRunContainers.name(REF, 2)).isEqualTo("gofer-default-build-7-test-a2");
    }

    @Test
    void shouldSanitiseAndDisambiguateNameWhenIdsHaveForbiddenCharacters() {
        String a = TaskRunContainers.name(new TaskRunRef("my ns", "pipe/line", 1, "täsk"), 1);
        String b = TaskRunContainers.name(new TaskRunRef("my_ns", "pipe_line", 1, "t_sk"), 1);

        assertThat(a).matches(ContainerSpec.VALID_NAME).startsWith("gofer-my_ns-pipe_line-1-t_sk-a1-");
        assertThat(b).isEqualTo("gofer-my_ns-pipe_line-1-t_sk-a1");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldCutNameWhenIdsAreVeryLong() {
        String name = TaskRunContainers.name(new TaskRunRef("ns", "p".repeat(300), 1, "t"), 1);

        assertThat(name).hasSizeLessThanOrEqualTo(TaskRunContainers.MAX_NAME).matches(ContainerSpec.VALID_NAME);
    }

    @Test
    void shouldReadAttemptBackWhenLabelsAreComplete() {
        Map<String, String> labels = TaskRunContainers.labels(REF, 3, "worker-1", List.of());

        assertThat(labels).containsEntry("gofer.task-run", "default/build/7/test").containsEntry("gofer.attempt", "3")
                .containsEntry("gofer.worker", "worker-1").containsEntry("gofer.namespace", "default")
                .containsEntry("gofer.pipeline", "build").containsEntry("gofer.run", "7")
                .containsEntry("gofer.task", "test");
        assertThat(TaskRunContainers.attemptOf(labels)).contains(new TaskRunContainers.Attempt(REF, 3));
    }

    @Test
    void shouldIgnoreContainerWhenLabelsAreIncompleteOrInconsistent() {
        Map<String, String> labels = new HashMap<>(TaskRunContainers.labels(REF, 1, "w", List.of()));
        labels.remove("gofer.run");
        assertThat(TaskRunContainers.attemptOf(labels)).isEmpty();

        Map<String, String> tampered = new HashMap<>(TaskRunContainers.labels(REF, 1, "w", List.of()));
        tampered.put("gofer.task-run", "other/key/1/x");
        assertThat(TaskRunContainers.attemptOf(tampered)).isEmpty();
    }
}
