package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.junit.jupiter.api.Test;

class PipelineValidationTest {

    @Test
    void shouldPassWhenPipelineIsAValidDag() {
        Pipeline pipeline = Pipeline.of("dag_test-1", "Dag")
                .tasks(CustomTask.of("aaa", "alpine"), CustomTask.of("bbb", "alpine")
                        .dependsOn("aaa", RequiredParentStatus.SUCCESS),
                        CustomTask.of("ccc", "alpine")
                                .dependsOn("aaa", RequiredParentStatus.ANY)
                                .dependsOn("bbb", RequiredParentStatus.FAILURE));

        assertThat(pipeline.validate()).isSameAs(pipeline);
    }

    @Test
    void shouldReportEveryBadIdWhenIdsAreTooShortTooLongOrHaveBadCharacters() {
        Pipeline pipeline = Pipeline.of("ab", "Name")
                .tasks(CustomTask.of("has space", "alpine"), CustomTask.of("x".repeat(33), "alpine"),
                        CustomTask.of("ok_id", "alpine"), CustomTask.of(null, "alpine"));

        assertThat(errors(pipeline)).extracting(FieldError::field)
                .containsExactly("id", "tasks[0].id", "tasks[1].id", "tasks[3].id");
        assertThat(errors(pipeline).get(0).message()).contains("'ab'", "3 to 32");
    }

    @Test
    void shouldReportMissingNameNegativeParallelismAndNoTasksWhenPipelineIsEmpty() {
        assertThat(errors(Pipeline.of("empty", " ").parallelism(-1)))
                .containsExactly(new FieldError("name", "is required"),
                        new FieldError("parallelism", "must be 0 (no limit) or more, was -1"),
                        new FieldError("tasks", "at least one task is required"));
    }

    @Test
    void shouldReportDuplicateWhenTwoTasksShareAnId() {
        Pipeline pipeline = Pipeline.of("dups", "Dups")
                .tasks(CustomTask.of("same", "alpine"), CustomTask.of("other", "alpine"),
                        CustomTask.of("same", "busybox"));

        assertThat(errors(pipeline))
                .containsExactly(new FieldError("tasks[2].id", "duplicate task id 'same' (also tasks[0])"));
    }

    @Test
    void shouldReportBlankImageWhenTaskHasNoImage() {
        Pipeline pipeline = Pipeline.of("images", "Images")
                .tasks(CustomTask.of("blank", "  "), CustomTask.of("missing", null));

        assertThat(errors(pipeline)).containsExactly(new FieldError("tasks[0].image", "is required"),
                new FieldError("tasks[1].image", "is required"));
    }

    @Test
    void shouldNameTheMissingTaskWhenADependencyDoesNotExist() {
        Pipeline pipeline = Pipeline.of("deps", "Deps")
                .tasks(CustomTask.of("build", "alpine"),
                        CustomTask.of("deploy", "alpine").dependsOn("tset", RequiredParentStatus.SUCCESS));

        assertThat(errors(pipeline)).containsExactly(new FieldError("tasks[1].depends_on.tset",
                "task 'tset' is listed as a dependency of task 'deploy' but does not exist"));
    }

    @Test
    void shouldReportTheCyclePathWhenDependenciesLoop() {
        Pipeline pipeline = Pipeline.of("cycle", "Cycle")
                .tasks(CustomTask.of("start", "alpine"),
                        CustomTask.of("aaa", "alpine").dependsOn("start", RequiredParentStatus.ANY)
                                .dependsOn("ccc", RequiredParentStatus.SUCCESS),
                        CustomTask.of("bbb", "alpine").dependsOn("aaa", RequiredParentStatus.SUCCESS),
                        CustomTask.of("ccc", "alpine").dependsOn("bbb", RequiredParentStatus.SUCCESS));

        assertThat(errors(pipeline))
                .containsExactly(new FieldError("tasks[1].depends_on", "dependency cycle: aaa -> ccc -> bbb -> aaa"));
    }

    @Test
    void shouldReportSelfDependencyAsCycleWhenTaskDependsOnItself() {
        Pipeline pipeline = Pipeline.of("self", "Self")
                .tasks(CustomTask.of("loop", "alpine").dependsOn("loop", RequiredParentStatus.ANY));

        assertThat(errors(pipeline)).extracting(FieldError::message).containsExactly("dependency cycle: loop -> loop");
    }

    @Test
    void shouldListAllProblemsInTheMessageAndPrintNothingWhenFinishingAnInvalidPipeline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pipeline pipeline = Pipeline.of("x", "")
                .tasks(CustomTask.of("task", "").dependsOn("nope", RequiredParentStatus.ANY));

        assertThatThrownBy(() -> pipeline.finish(new PrintStream(out)))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("id: 'x' must be")
                .hasMessageContaining("name: is required")
                .hasMessageContaining("tasks[0].image: is required")
                .hasMessageContaining("tasks[0].depends_on.nope: task 'nope'");
        assertThat(out.size()).isZero();
    }

    private static List<FieldError> errors(Pipeline pipeline) {
        PipelineValidationException e = catchThrowableOfType(PipelineValidationException.class, pipeline::validate);
        return e == null ? List.of() : e.errors();
    }
}
