package dev.gofer.api.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.api.run.WorkerPlay.Dispatch;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.events.TaskControls;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunChanged;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.testsupport.GoferInfraResource;

/**
 * Task controls and retries against a real broker and database, the worker played by publishing its records: retries
 * with backoff as new attempts, timeouts, queue timeouts, the controls a dispatch carries and their validation.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class TaskRetryTest {

    private static final java.time.Duration WAIT = WorkerPlay.WAIT;
    private static WorkerPlay worker;

    @BeforeAll
    static void clients() {
        worker = new WorkerPlay("task-retry-test");
    }

    @AfterAll
    static void close() {
        worker.close();
    }

    @Test
    void shouldRetryAsNewAttemptAfterBackoffWhenExitCodeIsRetryable() {
        WorkerPlay.register("retrying", """
                [{"id":"flaky","image":"local/busybox:latest","retry":{"max_attempts":3,"backoff_seconds":1}}]""");
        TaskRunRef ref = new TaskRunRef("default", "retrying", WorkerPlay.startRun("retrying"), "flaky");
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 1);

        // Attempt 1 writes a line and exits 1.
        worker.status(ref, new TaskRunStarted(ref, 1, "worker-r", "c1"));
        worker.log(ref, new LogChunk(ref, 1, List.of(new LogLine(1, LogStream.STDOUT, "first try", Instant.now()))));
        long exitSent = System.currentTimeMillis();
        worker.status(ref, new TaskRunExited(ref, 1, "worker-r", 1, 1));

        // Attempt 2 is dispatched once the backoff (1 s) has passed; the run goes on meanwhile.
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 2);
        Dispatch second = worker.dispatched(ref).get(1);
        assertThat(second.payload().attempt()).isEqualTo(2);
        assertThat(second.timestamp()).as("dispatched after the backoff").isGreaterThanOrEqualTo(exitSent + 1000);
        assertThat(second.payload().variables()).isEqualTo(worker.dispatched(ref).get(0).payload().variables());
        JsonPath waiting = WorkerPlay.taskRun(ref);
        assertThat(waiting.getInt("attempt")).isEqualTo(2);
        assertThat(waiting.getString("state")).isEqualTo("processing");
        assertThat(waiting.getString("status_reason")).isNull();
        assertThat(WorkerPlay.run(ref).getString("state")).isEqualTo("running");

        // Attempt 2 succeeds: the task run and the run are successful, and both attempts are on record.
        worker.status(ref, new TaskRunStarted(ref, 2, "worker-s", "c2"));
        worker.log(ref, new LogChunk(ref, 2, List.of(new LogLine(1, LogStream.STDOUT, "second try", Instant.now()))));
        worker.status(ref, new TaskRunExited(ref, 2, "worker-s", 0, 1));
        await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        assertThat(WorkerPlay.run(ref).getString("status")).isEqualTo("successful");
        JsonPath done = WorkerPlay.taskRun(ref);
        assertThat(done.getString("status")).isEqualTo("successful");
        assertThat(done.getInt("attempt")).isEqualTo(2);
        assertThat(done.getList("attempts.attempt", Integer.class)).containsExactly(1, 2);
        assertThat(done.getList("attempts.exit_code", Integer.class)).containsExactly(1, 0);
        assertThat(done.getList("attempts.status", String.class)).containsExactly("failed", "successful");
        assertThat(done.getList("attempts.worker_id", String.class)).containsExactly("worker-r", "worker-s");
        assertThat(done.getString("attempts[0].status_reason.reason")).isEqualTo("abnormal_exit");
        assertThat(done.getString("attempts[0].status_reason.description")).startsWith("task exited with code 1");

        // Logs are per attempt: the current one by default, an earlier one on request.
        String logs = "/api/namespaces/default/pipelines/retrying/runs/{r}/tasks/flaky/logs";
        await().atMost(WAIT).until(() -> WorkerPlay.taskRun(ref).getBoolean("logs.complete"));
        given().get(logs, ref.runId()).then().statusCode(200).body(equalTo("second try\n"));
        await().atMost(WAIT).untilAsserted(() -> given().get(logs + "?attempt=1", ref.runId()).then()
                .statusCode(200).body(equalTo("first try\n")));
        given().get(logs + "?attempt=3", ref.runId()).then().statusCode(404).contentType("application/problem+json");
        assertThat(worker.domainEvents(ref)).containsSubsequence(TaskRunChanged.RUNNING, TaskRunChanged.RETRYING,
                TaskRunChanged.RUNNING, TaskRunChanged.COMPLETED);
    }

    @Test
    void shouldFailWithoutRetryWhenExitCodeIsNotListed() {
        WorkerPlay.register("retry-codes", """
                [{"id":"picky","image":"local/busybox:latest",
                  "retry":{"max_attempts":3,"backoff_seconds":0,"exit_codes":[75]}}]""");
        TaskRunRef ref = new TaskRunRef("default", "retry-codes", WorkerPlay.startRun("retry-codes"), "picky");
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 1);

        worker.status(ref, new TaskRunStarted(ref, 1, "worker-r", "c1"));
        worker.status(ref, new TaskRunExited(ref, 1, "worker-r", 1, 0));

        await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        JsonPath failed = WorkerPlay.taskRun(ref);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("status_reason.reason")).isEqualTo("abnormal_exit");
        assertThat(failed.getInt("attempt")).isEqualTo(1);
        assertThat(failed.getList("attempts")).hasSize(1);
        assertThat(worker.dispatched(ref)).hasSize(1);
    }

    @Test
    void shouldFailWithTimeoutAndNotRetryWhenWorkerStoppedContainerAtItsLimit() {
        WorkerPlay.register("timing-out", """
                [{"id":"slow","image":"local/busybox:latest","timeout_seconds":5,
                  "retry":{"max_attempts":3,"backoff_seconds":0}}]""");
        TaskRunRef ref = new TaskRunRef("default", "timing-out", WorkerPlay.startRun("timing-out"), "slow");
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 1);

        worker.status(ref, new TaskRunStarted(ref, 1, "worker-r", "c1"));
        worker.status(ref, new TaskRunExited(ref, 1, "worker-r", 137, 0, true));

        await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        JsonPath failed = WorkerPlay.taskRun(ref);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("status_reason.reason")).isEqualTo("timeout");
        assertThat(failed.getString("status_reason.description")).contains("time limit of 5 s");
        assertThat(failed.getInt("exit_code")).isEqualTo(137);
        assertThat(WorkerPlay.run(ref).getString("status_reason.reason")).isEqualTo("timeout");
        assertThat(worker.dispatched(ref)).hasSize(1);
    }

    @Test
    void shouldCarryControlsWhenDispatchingTaskRuns() {
        WorkerPlay.register("controlled", """
                [{"id":"bounded","image":"local/busybox:latest","timeout_seconds":30,"cpus":0.5,"memory_mb":64,
                  "network_mode":"none"},
                 {"id":"plain","image":"local/busybox:latest"}]""");
        long runId = WorkerPlay.startRun("controlled");
        TaskRunRef bounded = new TaskRunRef("default", "controlled", runId, "bounded");
        TaskRunRef plain = new TaskRunRef("default", "controlled", runId, "plain");

        await().atMost(WAIT)
                .until(() -> worker.dispatched(bounded).size() == 1 && worker.dispatched(plain).size() == 1);
        assertThat(worker.dispatched(bounded).get(0).payload().controls())
                .isEqualTo(new TaskControls(30L, 0.5, 64L * 1024 * 1024, "none"));
        assertThat(worker.dispatched(plain).get(0).payload().controls()).isEqualTo(TaskControls.NONE);
        given().get("/api/namespaces/default/pipelines/controlled/configs/0").then().statusCode(200)
                .body("config.tasks.bounded.timeout_seconds", equalTo(30))
                .body("config.tasks.bounded.memory_mb", equalTo(64))
                .body("config.tasks.bounded.network_mode", equalTo("none"))
                .body("config.tasks.plain.retry.max_attempts", equalTo(1))
                .body("config.tasks.plain.retry.backoff_seconds", equalTo(5))
                .body("config.tasks.plain.retry.on_worker_lost", equalTo(1));
    }

    @Test
    void shouldAnswerProblemNamingTaskAndFieldWhenControlsAreInvalid() {
        given().contentType(ContentType.JSON).body("""
                {"id":"bad-controls","name":"Bad","tasks":[
                  {"id":"fine","image":"img"},
                  {"id":"wild","image":"img","timeout_seconds":0,"queue_timeout_seconds":1.5,"cpus":0,
                   "memory_mb":5,"network_mode":"overlay",
                   "retry":{"max_attempts":11,"backoff_seconds":-1,"exit_codes":[0,3],"on_worker_lost":6}}]}""")
                .post("/api/namespaces/default/pipelines/bad-controls/configs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("tasks[1].timeout_seconds", "tasks[1].queue_timeout_seconds",
                        "tasks[1].cpus", "tasks[1].memory_mb", "tasks[1].network_mode",
                        "tasks[1].retry.max_attempts", "tasks[1].retry.backoff_seconds",
                        "tasks[1].retry.exit_codes[0]", "tasks[1].retry.on_worker_lost"))
                .body("errors.size()", equalTo(9))
                .body("errors.find { it.field == 'tasks[1].memory_mb' }.message",
                        equalTo("task 'wild': must be a whole number of MiB, 6 or more, was 5"));
        given().get("/api/namespaces/default/pipelines/bad-controls").then().statusCode(404);
    }

    @Test
    void shouldFailWithQueueTimeoutAndCancelWhenContainerNeverStarts() {
        WorkerPlay.register("queued-out", """
                [{"id":"stuck","image":"local/busybox:latest","queue_timeout_seconds":1}]""");
        TaskRunRef ref = new TaskRunRef("default", "queued-out", WorkerPlay.startRun("queued-out"), "stuck");
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 1);

        await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        JsonPath failed = WorkerPlay.taskRun(ref);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("status_reason.reason")).isEqualTo("queue_timeout");
        assertThat(failed.getString("status_reason.description")).contains("within 1 s");
        await().atMost(WAIT).until(() -> worker.cancels(ref).size() == 1);
        assertThat(worker.cancels(ref).get(0)).isEqualTo(new TaskRunCancel(ref, 1, 10, "queue_timeout"));

        // A worker that starts it after all is fenced.
        worker.status(ref, new TaskRunStarted(ref, 1, "worker-late", "c9"));
        await().atMost(WAIT).until(() -> worker.cancels(ref).size() == 2);
        assertThat(worker.cancels(ref).get(1).reason()).isEqualTo("fenced");
        assertThat(WorkerPlay.taskRun(ref).getString("status")).isEqualTo("failed");
    }
}
