package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferApiException;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/** Pipelines registered and run through the public API, executed as real containers by the workers. */
class PipelineRunIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldStackSystemThenTaskThenRunVariablesWhenContainerPrintsItsEnvironment() {
        String id = Stack.pipelineId("env");
        api.registerConfig("default", Pipeline.of(id, "Env stacking").tasks(
                CustomTask.of("print-env", LocalImages.BUSYBOX).command("sh", "-c", "env | sort")
                        .variable("GOFER_TASK_IMAGE", "set-by-config").variable("COLOR", "blue")
                        .variable("SHAPE", "square")));

        Run run = api.startRun("default", id, Map.of("color", "red"));
        Run done = Runs.awaitComplete(api, id, run.runId());
        String env = Runs.logs(api, id, run.runId(), "print-env");

        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        assertThat(env.lines()).contains("GOFER_NAMESPACE_ID=default", "GOFER_PIPELINE_ID=" + id,
                "GOFER_RUN_ID=" + run.runId(), "GOFER_TASK_ID=print-env", "GOFER_TASK_IMAGE=set-by-config",
                "SHAPE=square", "color=red");
        assertThat(env.lines()).anyMatch(l -> l.startsWith("GOFER_API_URL=http://"));
        assertThat(env.lines()).noneMatch(l -> l.startsWith("COLOR="))
                .noneMatch(l -> l.equals("GOFER_TASK_IMAGE=" + LocalImages.BUSYBOX));
        TaskRun task = api.getTaskRun("default", id, run.runId(), "print-env");
        assertThat(task.variables()).anySatisfy(v -> {
            assertThat(v.key()).isEqualTo("color");
            assertThat(v.source().name()).isEqualTo("RUN_OPTIONS");
        });
    }

    @Test
    void shouldFailRunAndSkipDependentWhenTaskExitsThree() {
        String id = Stack.pipelineId("exit3");
        api.registerConfig("default", Pipeline.of(id, "Exit three").tasks(
                CustomTask.of("fails", LocalImages.BUSYBOX).command("sh", "-c", "echo about to fail; exit 3"),
                CustomTask.of("after", LocalImages.BUSYBOX).command("echo", "must not run")
                        .dependsOn("fails", RequiredParentStatus.SUCCESS)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        TaskRun fails = api.getTaskRun("default", id, run.runId(), "fails");
        assertThat(fails.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(fails.exitCode()).isEqualTo(3);
        assertThat(fails.statusReason().reason()).isEqualTo("abnormal_exit");
        assertThat(Runs.logs(api, id, run.runId(), "fails")).isEqualTo("about to fail\n");
        TaskRun after = api.getTaskRun("default", id, run.runId(), "after");
        assertThat(after.status()).isEqualTo(TaskRunStatus.SKIPPED);
        assertThat(after.statusReason().reason()).isEqualTo("failed_precondition");
        assertThat(after.started()).as("the dependent never started").isZero();
        assertThat(after.workerId()).isNull();
        assertThat(api.getTaskLogs("default", id, run.runId(), "after")).isEmpty();
    }

    @Test
    void shouldRunChildrenOnlyWhenParentsSucceeded() {
        String id = Stack.pipelineId("chain");
        api.registerConfig("default", Pipeline.of(id, "Chain").tasks(
                CustomTask.of("first", LocalImages.BUSYBOX).command("echo", "one"),
                CustomTask.of("second", LocalImages.BUSYBOX).command("echo", "two")
                        .dependsOn("first", RequiredParentStatus.SUCCESS)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        TaskRun first = api.getTaskRun("default", id, run.runId(), "first");
        TaskRun second = api.getTaskRun("default", id, run.runId(), "second");
        assertThat(second.started()).isGreaterThanOrEqualTo(first.ended());
        assertThat(Runs.logs(api, id, run.runId(), "second")).isEqualTo("two\n");
    }

    @Test
    void shouldAnswerProblemJsonNamingFieldWhenConfigIsInvalid() {
        String cycle = """
                {"id":"bad-cycle","name":"Cycle","parallelism":0,"tasks":[
                 {"id":"aaa","image":"img","depends_on":{"bbb":"success"}},
                 {"id":"bbb","image":"img","depends_on":{"aaa":"success"}}]}""";
        String unknownDep = """
                {"id":"bad-dep","name":"Dep","parallelism":0,"tasks":[
                 {"id":"aaa","image":"img","depends_on":{"zzz":"success"}}]}""";
        String badId = """
                {"id":"bad-id","name":"Id","parallelism":0,"tasks":[{"id":"a b","image":"img"}]}""";
        String emptyImage = """
                {"id":"bad-image","name":"Image","parallelism":0,"tasks":[{"id":"aaa","image":""}]}""";

        assertProblem("bad-cycle", cycle, "tasks[0].depends_on", "dependency cycle: aaa -> bbb -> aaa");
        assertProblem("bad-dep", unknownDep, "tasks[0].depends_on.zzz",
                "task 'aaa' depends on 'zzz', which is not a task of this pipeline");
        assertProblem("bad-id", badId, "tasks[0].id", "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'");
        assertProblem("bad-image", emptyImage, "tasks[0].image", "is required and must not be blank");
    }

    private void assertProblem(String pipelineId, String body, String field, String message) {
        var response = Stack.http("POST",
                Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + pipelineId + "/configs",
                "application/json", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        try {
            api.registerConfig("default", body);
        } catch (GoferApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).anySatisfy(err -> {
                assertThat(err.field()).isEqualTo(field);
                assertThat(err.message()).isEqualTo(message);
            });
            return;
        }
        throw new AssertionError("registration of " + pipelineId + " was accepted");
    }
}
