package dev.gofer.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.api.pipeline.service.ConfigValidator;
import dev.gofer.api.pipeline.service.PipelineDefinition;
import dev.gofer.api.pipeline.service.PipelineDefinition.RegistryAuthDefinition;
import dev.gofer.api.pipeline.service.PipelineDefinition.RetryDefinition;
import dev.gofer.api.pipeline.service.PipelineDefinition.TaskDefinition;
import dev.gofer.support.problem.FieldError;

class ConfigValidatorTest {

    static TaskDefinition task(String id, String image, Map<String, String> dependsOn) {
        return new TaskDefinition(id, null, image, null, dependsOn, Map.of(), null, List.of("true"), false, false,
                null);
    }

    static PipelineDefinition pipeline(String id, TaskDefinition... tasks) {
        return new PipelineDefinition(id, "A pipeline", "", 0L, List.of(tasks));
    }

    @Test
    void shouldAcceptValidDagWhenEveryRuleHolds() {
        var config = pipeline("diamond", task("first", "img", Map.of()),
                task("left", "img", Map.of("first", "success")), task("right", "img", Map.of("first", "Any")),
                task("last_one", "img", Map.of("left", "success", "right", "failure")));

        assertThat(ConfigValidator.validate("diamond", config)).isEmpty();
    }

    @Test
    void shouldReportCyclePathWhenTasksDependOnEachOther() {
        var config = pipeline("cyclic", task("aaa", "img", Map.of("ccc", "success")),
                task("bbb", "img", Map.of("aaa", "success")), task("ccc", "img", Map.of("bbb", "success")));

        List<FieldError> errors = ConfigValidator.validate("cyclic", config);

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("tasks[0].depends_on");
        assertThat(errors.get(0).message()).isEqualTo("dependency cycle: aaa -> ccc -> bbb -> aaa");
    }

    @Test
    void shouldNameEachBadFieldWhenConfigBreaksSeveralRules() {
        var config = new PipelineDefinition("x", "", null, -1L,
                List.of(task("ok-task", " ", Map.of("nope", "success")),
                        task("ok-task", "img", Map.of()), task("bad id!", "img", Map.of("ok-task", "sometimes"))));

        List<FieldError> errors = ConfigValidator.validate("x", config);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("id", "name", "parallelism",
                "tasks[0].image", "tasks[1].id", "tasks[2].id", "tasks[0].depends_on.nope",
                "tasks[2].depends_on.ok-task");
        assertThat(errors).filteredOn(e -> e.field().equals("tasks[0].depends_on.nope")).first()
                .extracting(FieldError::message)
                .isEqualTo("task 'ok-task' depends on 'nope', which is not a task of this pipeline");
    }

    @Test
    void shouldRefusePlaintextRegistryPasswordWhenNotASecretReference() {
        var withPassword = new TaskDefinition("private", null, "registry.local/app:1",
                new RegistryAuthDefinition("ci", "hunter2"), Map.of(), Map.of(), null, null, false, false, null);
        var withReference = new TaskDefinition("private", null, "registry.local/app:1",
                new RegistryAuthDefinition("ci", "pipeline_secret{{registry_pass}}"), Map.of(), Map.of(), null, null,
                false, false, "if-not-present");

        assertThat(ConfigValidator.validate("auth", pipeline("auth", withPassword))).extracting(FieldError::field)
                .containsExactly("tasks[0].registry_auth.pass");
        assertThat(ConfigValidator.validate("auth", pipeline("auth", withReference))).isEmpty();
    }

    @Test
    void shouldRequirePathAndBodyIdsToMatchWhenRegistering() {
        assertThat(ConfigValidator.validate("other", pipeline("simple", task("task", "img", Map.of()))))
                .extracting(FieldError::field).containsExactly("id");
    }

    @Test
    void shouldAcceptControlsAndRetryWhenWithinTheirLimits() {
        var bounded = new TaskDefinition("bounded", null, "img", null, Map.of(), Map.of(), null, null, false, false,
                null,
                3600, 60L, 0.25, 6, "host", new RetryDefinition(10, 0, List.of(1, 255), 5));
        var wholeAsFraction = new TaskDefinition("whole", null, "img", null, Map.of(), Map.of(), null, null, false,
                false, null, 2.0, null, 1024, null, null, new RetryDefinition(null, null, null, null));

        assertThat(ConfigValidator.validate("bounded", pipeline("bounded", bounded, wholeAsFraction))).isEmpty();
    }

    @Test
    void shouldNameTaskInMessageWhenControlIsOutOfRange() {
        var late = new TaskDefinition("late", null, "img", null, Map.of(), Map.of(), null, null, false, false, null,
                null, 0, 1025, null, "bridge", new RetryDefinition(0, 301.5, List.of(256), -1));

        List<FieldError> errors = ConfigValidator.validate("late", pipeline("late", late));

        assertThat(errors).extracting(FieldError::field).containsExactly("tasks[0].queue_timeout_seconds",
                "tasks[0].cpus", "tasks[0].retry.max_attempts", "tasks[0].retry.backoff_seconds",
                "tasks[0].retry.on_worker_lost", "tasks[0].retry.exit_codes[0]");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("task 'late': "));
    }
}
